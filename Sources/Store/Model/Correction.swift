import Foundation

/// A fact entered by mistake, voided: the fact stays in the history beside its void, and plans no longer see
/// it.
public struct Correction: Sendable, Hashable, Codable {
  /// What is voided.
  public enum Subject: Sendable, Hashable, Codable {
    /// A visit or attempt, by id.
    case visit(String)
    /// The waiver of a task, by task id.
    case waiver(task: String)
    /// A state, grade or dated event of a household's history.
    case entry(HouseholdEntry)
  }

  /// What is voided.
  public var subject: Subject
  /// Why.
  public var reason: String
  /// Who voided it.
  public var by: String
  /// When it was voided.
  public var at: Date

  /// `subject` voided by `by` at `at` for `reason`.
  public init(_ subject: Subject, reason: String, by: String, at: Date) {
    self.subject = subject
    self.reason = reason
    self.by = by
    self.at = at
  }
}
