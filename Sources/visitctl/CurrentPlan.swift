import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// What a read command works on: the rules, the facts, and the plan of a year (the clock's by default).
struct CurrentPlan {
  /// The rules in force.
  let rules: RuleSet
  /// Every fact of the database.
  let facts: Facts
  /// The planner of the year planned.
  let planner: Planner
  /// The stored tasks, brought up to date unless read as stored.
  let plan: Plan

  /// Loads the facts and the stored tasks of `year` (the clock's by default); with `refresh`, re-plans at `clock`
  /// keeping planned months and, when `persist` and the year is the clock's, stores what changed (what the daemon
  /// does when it starts), so that the listing matches the facts. Without `withTasks` only the facts are read.
  static func load(
    store: SQLiteStore, rules: RuleSet, at clock: Date, year: Int? = nil, refresh: Bool, persist: Bool = true,
    withTasks: Bool = true
  ) throws -> CurrentPlan {
    let facts = try store.loadFacts()
    let clockYear = LocalDate(clock, in: rules.settings.timeZone).year
    let planner = Planner(rules: rules, year: year ?? clockYear)
    let stored = planner.restore(
      withTasks ? try store.tasks(household: nil).filter { planner.overlaps($0) } : [], facts: facts,
      at: clock)
    guard refresh else { return CurrentPlan(rules: rules, facts: facts, planner: planner, plan: stored) }
    let plan = planner.plan(facts, at: clock, previous: stored)
    let changes = plan.changes(since: stored)
    if persist && planner.from.year == clockYear && !changes.isEmpty { try store.apply(changes) }
    return CurrentPlan(rules: rules, facts: facts, planner: planner, plan: plan)
  }

  /// The zone of a project (the settings' zone when it names none).
  func zone(ofProject project: String) -> TimeZone {
    facts.projects[project]?.timeZone(fallback: rules.settings.timeZone) ?? rules.settings.timeZone
  }
}
