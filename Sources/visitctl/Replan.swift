import Planner
import Store

/// The re-plan hook every fact write calls inside its transaction.
///
/// The Planner engineer fills this in: load the affected households' facts, plan them, and return the task
/// changes; the store saves them in the same transaction as the facts.
enum Replan {
  /// The task changes caused by a write; none until the planner is wired in.
  static func changes(after summary: WriteSummary) throws -> [TaskChange] { [] }
}
