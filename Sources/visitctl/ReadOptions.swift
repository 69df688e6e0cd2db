import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Store

/// The options of the commands that read tasks: database, rules, contact display and refreshing.
struct ReadOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions

  @OptionGroup var rules: RulesOptions

  @Flag(help: "Show owners' names and phone numbers whole (masked by default: 张*, 138****5678).")
  var showContact = false

  @Flag(
    help: ArgumentHelp(
      "Read the stored tasks as they are (the daemon keeps them current), without re-planning first.",
      discussion: "By default the stored plan is brought up to date with the facts and the changes stored."))
  var stored = false

  /// Opens the database, loads the rules and the plan of `year` (the clock's by default) at `clock` (now by
  /// default) with the tasks of `scope`; only the plan of now is stored.
  func currentPlan(at clock: Date? = nil, year: Int? = nil, scope: TaskScope = .all) throws -> CurrentPlan {
    let (_, ruleSet) = try rules.load()
    return try CurrentPlan.load(
      store: try store.open(), rules: ruleSet, at: clock ?? Date(), year: year, refresh: !stored,
      persist: clock == nil, scope: scope)
  }

  /// How owners appear in listings.
  var contacts: ContactStyle { ContactStyle(showContact: showContact) }
}
