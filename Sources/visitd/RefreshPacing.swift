import Foundation

/// When the daemon reads the plan's outlook again after notices that facts changed: at once, unless it last did
/// so less than a gap ago, then at the gap's end. The gap is a second, or ten times the last read when that took
/// longer: a steady stream of writes (the API, imports) costs the loop at most about a tenth of its time, however
/// many notices arrive and however spread out.
struct RefreshPacing {
  /// A refresh owed at this instant, nil when none is owed.
  private(set) var due: Date?
  private var lastEnded: Date?
  private var gap: TimeInterval = 1

  /// The shortest gap between two refreshes, seconds.
  static let minimumGap: TimeInterval = 1
  /// A refresh may take at most this share of the loop's time.
  static let share: Double = 0.1

  /// Records notices at `now`: whether to refresh now; otherwise `due` says when.
  mutating func noticed(at now: Date) -> Bool {
    guard let lastEnded, now < lastEnded.addingTimeInterval(gap) else { return true }
    due = lastEnded.addingTimeInterval(gap)
    return false
  }

  /// Whether an owed refresh is due at `now`.
  func isDue(at now: Date) -> Bool { due.map { $0 <= now } ?? false }

  /// Records a refresh that ended at `end` after `duration` seconds; it settles any owed one.
  mutating func refreshed(endingAt end: Date, after duration: TimeInterval) {
    lastEnded = end
    gap = max(Self.minimumGap, duration / Self.share)
    due = nil
  }
}
