import Foundation

/// A task let off with a reason (owner refused, away); it then counts as handled.
public struct Waiver: Sendable, Hashable, Codable {
  /// The waived task's id.
  public var task: String
  /// Why.
  public var reason: String
  /// When it was granted.
  public var at: Date

  /// A waiver of `task` for `reason` at `at`.
  public init(task: String, reason: String, at: Date) {
    self.task = task
    self.reason = reason
    self.at = at
  }

  /// The household code: the task id up to its first `/`.
  public var household: String { String(task.prefix { $0 != "/" }) }
}
