import Foundation

/// A task being built for one household: the task plus what settling and splitting still need to know.
struct TaskDraft {
  /// The task so far.
  var task: VisitTask
  /// The rule's position in the rule set (its precedence order).
  let ruleIndex: Int
  /// When the household stopped matching the rule, if it did while the task was owed.
  var cancelAt: Date?
  /// Whether the planned month comes from splitting the period's quota.
  let needsSplit: Bool
  /// The household's building, kept together when splitting.
  let building: String
}
