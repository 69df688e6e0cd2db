/// Where a task stands at the planning clock.
public enum TaskState: String, CaseIterable, Sendable, Hashable, Codable {
  /// Its window has not opened yet.
  case planned
  /// Its window is open (or in grace) and nothing settled it.
  case open
  /// Done by a visit inside its window.
  case done
  /// Done by a visit in the grace period after due.
  case late
  /// Past due (and grace) and not settled.
  case overdue
  /// Let off with a reason; counts as handled.
  case waived
  /// No longer owed: the household stopped matching the rule.
  case cancelled
  /// Its quota period (and grace) ended unsettled: a miss of that period, final, its reason in
  /// `VisitTask.missedReason`. Tasks owed for an event, ticket or campaign are never missed; they go overdue.
  case missed

  /// Whether nothing more will happen to the task (done, late, waived, cancelled, missed).
  public var isSettled: Bool {
    self == .done || self == .late || self == .waived || self == .cancelled || self == .missed
  }
}
