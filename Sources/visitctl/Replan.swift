import CalendarSpec
import Control
import Foundation
import Planner
import Policy
import Store

/// The re-plan every fact write causes, and the notice to the running daemon after it.
enum Replan {
  /// Above this many households a notice says "anything changed" rather than listing them.
  static let noticeLimit = 2_000

  /// The re-plan hook every fact write calls inside its transaction.
  ///
  /// It returns no changes: the hook gets only the summary, and the store's readers cannot see the write it is
  /// part of (WAL readers see the last commit), so planning here would plan the facts as they were before it.
  /// `afterCommit` does the work once the write is committed; the read commands bring the plan up to date too.
  static func changes(after summary: WriteSummary) throws -> [TaskChange] { [] }

  /// After a committed write: re-plans the affected households from the stored facts at `clock`, stores the
  /// changes, and tells the daemon which households changed. Returns the changes.
  @discardableResult
  static func afterCommit(_ summary: WriteSummary, store: SQLiteStore, at clock: Date = Date()) throws
    -> [TaskChange]
  {
    guard !summary.dryRun, !summary.affectedHouseholds.isEmpty else { return [] }
    guard let rules = try? RulesOptions.parse([]).load().1 else {
      FileHandle.standardError.write(
        Data("visitctl: no valid rules found; tasks are re-planned by the daemon or the next listing\n".utf8))
      notifyDaemon(households: summary.affectedHouseholds, databasePath: store.path)
      return []
    }
    let replanner = Replanner(rules: rules, clock: clock)
    let changes = replanner.changes(
      households: summary.affectedHouseholds, facts: try store.loadFacts(),
      stored: try store.tasks(household: nil))
    if !changes.isEmpty { try store.apply(changes) }
    notifyDaemon(households: summary.affectedHouseholds, databasePath: store.path)
    return changes
  }

  /// Tells a daemon listening beside the database that the facts of `households` changed; an empty list (any
  /// household) when they are many. Does nothing when no daemon listens.
  static func notifyDaemon(households: [String], databasePath: String) {
    let path = ControlSocket.defaultPath(
      environment: ProcessInfo.processInfo.environment, databasePath: databasePath)
    let listed = households.count > noticeLimit ? [] : households
    ControlSocket.send(.factsChanged(listed), to: path)
  }
}

/// Re-plans some households of a stored plan at a clock.
struct Replanner {
  /// The rules in force.
  let rules: RuleSet
  /// The write's clock.
  let clock: Date

  /// The task changes of `households`, planned from `facts` over the stored tasks (which keep their months).
  func changes(households: [String], facts: Facts, stored: [VisitTask]) -> [TaskChange] {
    let planner = Planner(rules: rules, year: LocalDate(clock, in: rules.settings.timeZone).year)
    var plan = planner.restore(stored.filter { planner.overlaps($0) }, facts: facts, at: clock)
    return planner.replan(households: households, in: facts, at: clock, plan: &plan)
  }
}
