import Foundation

/// A daily span of local wall-clock time, such as the visiting window `17:30-19:30`.
public struct DailyWindow: Hashable, Sendable, CustomStringConvertible {
  /// The first minute of the window, counted from local midnight.
  public let startMinute: Int
  /// The minute the window closes (exclusive), counted from local midnight.
  public let endMinute: Int

  /// A window from `startMinute` up to (not including) `endMinute`; start must be before end.
  public init(startMinute: Int, endMinute: Int) {
    precondition(0 <= startMinute && startMinute < endMinute && endMinute <= 1440)
    self.startMinute = startMinute
    self.endMinute = endMinute
  }

  /// Parses `HH:MM-HH:MM` (24-hour clock, end after start, `24:00` allowed as an end).
  public init(parsing text: String) throws(CalendarSpecError) {
    let halves = text.split(separator: "-", omittingEmptySubsequences: false)
    guard halves.count == 2 else {
      throw CalendarSpecError(
        expression: text, part: text, reason: "expected a window like '17:30-19:30'")
    }
    let start = try DailyWindow.minute(of: halves[0], in: text, allowingEndOfDay: false)
    let end = try DailyWindow.minute(of: halves[1], in: text, allowingEndOfDay: true)
    guard start < end else {
      throw CalendarSpecError(
        expression: text, part: text, reason: "the window must end after it starts")
    }
    self.init(startMinute: start, endMinute: end)
  }

  /// Whether an instant's local time in `zone` falls inside the window.
  public func contains(_ instant: Date, in zone: TimeZone) -> Bool {
    let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
    let minute = (((local % 86_400) + 86_400) % 86_400) / 60
    return startMinute <= minute && minute < endMinute
  }

  /// The instant the window opens on a given local day.
  public func opening(on date: LocalDate, in zone: TimeZone) -> Date {
    date.instant(hour: startMinute / 60, minute: startMinute % 60, in: zone)
  }

  /// `HH:MM-HH:MM`.
  public var description: String { "\(DailyWindow.clock(startMinute))-\(DailyWindow.clock(endMinute))" }

  private static func clock(_ minute: Int) -> String {
    let h = minute / 60
    let m = minute % 60
    return (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
  }

  private static func minute(
    of part: Substring, in text: String, allowingEndOfDay: Bool
  ) throws(CalendarSpecError) -> Int {
    let fields = part.trimmingCharacters(in: .whitespaces).split(
      separator: ":", omittingEmptySubsequences: false)
    guard fields.count == 2, fields[1].count == 2, let h = Int(fields[0]), let m = Int(fields[1]),
      (0...59).contains(m), (0...23).contains(h) || (allowingEndOfDay && h == 24 && m == 0)
    else {
      throw CalendarSpecError(
        expression: text, part: String(part), reason: "expected a time of day HH:MM from 00:00 to 24:00")
    }
    return h * 60 + m
  }
}
