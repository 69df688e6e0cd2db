import Foundation

/// Local hours in which nothing but urgent messages is sent (e.g. 21:00–08:00, may span midnight).
public struct QuietHours: Sendable, Hashable {
  /// Start, minutes after local midnight.
  public let start: Int
  /// End, minutes after local midnight.
  public let end: Int
  /// The zone the hours are read in.
  public let zone: TimeZone

  /// Quiet from `start` to `end` minutes after midnight in `zone`.
  public init(start: Int, end: Int, zone: TimeZone) {
    self.start = start
    self.end = end
    self.zone = zone
  }

  /// Parses `HH:MM-HH:MM` (an en dash works too); nil when malformed.
  public init?(_ text: String, zone: TimeZone) {
    let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-")
    guard parts.count == 2, let start = Self.minutes(parts[0]), let end = Self.minutes(parts[1]) else {
      return nil
    }
    self.init(start: start, end: end, zone: zone)
  }

  /// `now` when outside the quiet hours, else the instant they end.
  public func nextAllowed(after now: Date) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.hour, .minute], from: now)
    let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    let quiet = start <= end ? (minute >= start && minute < end) : (minute >= start || minute < end)
    guard quiet, start != end else { return now }
    let midnight = calendar.startOfDay(for: now)
    let dayOffset = start > end && minute >= start ? 1 : 0
    let day = calendar.date(byAdding: .day, value: dayOffset, to: midnight) ?? midnight
    return calendar.date(bySettingHour: end / 60, minute: end % 60, second: 0, of: day) ?? now
  }

  private static func minutes(_ text: Substring) -> Int? {
    let fields = text.trimmingCharacters(in: .whitespaces).split(separator: ":")
    guard fields.count == 2, let hour = Int(fields[0]), let minute = Int(fields[1]),
      (0...24).contains(hour), (0..<60).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }
}
