import CalendarSpec
import Foundation

/// One event (VEVENT) of a published calendar.
public struct FeedEvent: Sendable, Hashable {
  /// When an event takes place.
  public enum Timing: Sendable, Hashable {
    /// From `start` up to `end`.
    case timed(start: Date, end: Date)
    /// The whole of one local day.
    case allDay(LocalDate)
  }

  /// The event's identity, the same in every version of the feed.
  public var uid: String
  /// The revision: it goes up each time the event moves.
  public var sequence: Int
  /// When this revision was made (DTSTAMP and LAST-MODIFIED).
  public var stamp: Date
  /// When it takes place.
  public var timing: Timing
  /// The title.
  public var summary: String
  /// Where.
  public var location: String
  /// The notes, line breaks allowed.
  public var description: String

  /// An event from its parts.
  public init(
    uid: String, sequence: Int, stamp: Date, timing: Timing, summary: String, location: String = "",
    description: String = ""
  ) {
    self.uid = uid
    self.sequence = sequence
    self.stamp = stamp
    self.timing = timing
    self.summary = summary
    self.location = location
    self.description = description
  }
}
