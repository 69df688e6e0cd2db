/// Why a household is owed what it is owed: one entry per rule (or the one rule asked about).
public struct Explanation: Sendable, Hashable, Encodable {
  /// The household code.
  public let household: String
  /// The household's state and grade at the clock, e.g. `occupied, grade C`.
  public let status: String
  /// One entry per rule, in precedence order.
  public let rules: [RuleExplanation]
}

/// How one rule applies to the household.
public struct RuleExplanation: Sendable, Hashable, Encodable {
  /// The rule id.
  public let rule: String
  /// Whether the selector matches at the clock.
  public let matches: Bool
  /// Which filters matched or failed, e.g. `state occupied ∈ [occupied]`.
  public let selector: [String]
  /// What creates the rule's tasks, e.g. `1 per quarter` or `within 1 month after moved-in`.
  public let trigger: String
  /// The tasks the rule owes the household.
  public let tasks: [TaskExplanation]
  /// Why the rule owes nothing, when it does not.
  public let note: String?
}

/// One task and the reasons behind it.
public struct TaskExplanation: Sendable, Hashable, Encodable {
  /// The task.
  public let task: VisitTask
  /// The period or event it is owed for, e.g. `period 2026-Q1` or `moved-in on 2026-01-31`.
  public let anchor: String
  /// The window, e.g. `2026-01-31 .. 2026-02-28 (+7 days grace)`.
  public let window: String
  /// Why it is planned in its month.
  public let month: String
  /// What settled it, e.g. `visit V1 (outside the visiting window)`, or why it was missed
  /// (`missed: period 2026-Q4 ended unsettled`), or nil.
  public let settledBy: String?
}
