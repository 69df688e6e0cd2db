import Foundation

/// The revision of a calendar event: how many times it moved, and when it last did.
public struct EventRevision: Sendable, Hashable {
  /// SEQUENCE: 0 when first published, one more each time the event moved.
  public let sequence: Int
  /// When the event was first published or last moved (DTSTAMP).
  public let changed: Date

  /// A revision from its parts.
  public init(sequence: Int, changed: Date) {
    self.sequence = sequence
    self.changed = changed
  }
}

/// Where each task's calendar event was last published, so that a move raises its SEQUENCE.
public protocol CalendarEventStore: Sendable {
  /// Records `placements` (task id → where its event is now, as text) at `instant` and returns each task's
  /// revision: a task seen for the first time starts at 0, one whose placement differs from the one stored
  /// goes up by one, the rest are as stored.
  func reviseEvents(_ placements: [String: String], at instant: Date) throws -> [String: EventRevision]
}
