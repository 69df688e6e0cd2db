/// A difference between two task sets, which the daemon stores and notifies.
public struct TaskChange: Sendable, Hashable, Encodable {
  /// What changed.
  public enum Kind: String, CaseIterable, Sendable, Hashable, Codable {
    /// A task that did not exist before.
    case created
    /// A task became done, late or waived.
    case settled
    /// A task became cancelled, or is no longer owed at all.
    case cancelled
    /// A task moved to another steward.
    case reassigned
    /// Anything else: the state moved with the clock (planned → open → overdue or missed) or an open-ended
    /// window closed.
    case updated
  }

  /// What changed.
  public let kind: Kind
  /// The task as it is now.
  public let task: VisitTask
  /// The task as it was, nil when created.
  public var previous: VisitTask? { previousStorage.first }
  /// `previous` out of line: a first plan's changes have none, and an inline optional task would double the size
  /// of every change (a million-household import holds two million of them at once).
  private let previousStorage: [VisitTask]

  /// A change of `kind` from `previous` to `task`.
  public init(kind: Kind, task: VisitTask, previous: VisitTask?) {
    self.kind = kind
    self.task = task
    previousStorage = previous.map { [$0] } ?? []
  }

  private enum CodingKeys: String, CodingKey {
    case kind, task, previous
  }

  /// Encodes the kind, the task and, when there is one, the previous task.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(kind, forKey: .kind)
    try container.encode(task, forKey: .task)
    try container.encodeIfPresent(previous, forKey: .previous)
  }

  /// The change from `old` to `new`, or nil when they are equal.
  public static func between(_ old: VisitTask?, _ new: VisitTask) -> TaskChange? {
    guard let old else { return TaskChange(kind: .created, task: new, previous: nil) }
    if old == new { return nil }
    if new.state == .cancelled && old.state != .cancelled {
      return TaskChange(kind: .cancelled, task: new, previous: old)
    }
    // A miss is the clock's verdict, not something that settled the task.
    if new.state.isSettled && !old.state.isSettled && new.state != .missed {
      return TaskChange(kind: .settled, task: new, previous: old)
    }
    if new.assignee != old.assignee { return TaskChange(kind: .reassigned, task: new, previous: old) }
    return TaskChange(kind: .updated, task: new, previous: old)
  }
}
