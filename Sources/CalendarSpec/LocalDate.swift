import Foundation

/// A calendar day in local time, without a zone: year, month and day of the proleptic Gregorian calendar.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year, e.g. 2026.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31.
  public let day: Int

  /// A date from its parts; nil when the day does not exist (2026-02-30).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= LocalDate.daysIn(year: year, month: month) else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  private init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD` (also `YYYY/M/D`); nil when malformed or not a real day.
  public init?(parsing text: Substring) {
    let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
    guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
      (1...2).contains(parts[2].count), let y = Int(parts[0]), let m = Int(parts[1]),
      let d = Int(parts[2])
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  /// Parses `YYYY-MM-DD` (also `YYYY/M/D`); nil when malformed or not a real day.
  public init?(parsing text: String) { self.init(parsing: Substring(text)) }

  /// The day, counted from 1970-01-01 (day 0).
  public var dayNumber: Int { Civil.days(year: year, month: month, day: day) }

  /// The date of a day number counted from 1970-01-01.
  public init(dayNumber: Int) {
    let civil = Civil.date(days: dayNumber)
    self.init(unchecked: civil.year, civil.month, civil.day)
  }

  /// The local date of an instant in a zone.
  public init(_ instant: Date, in zone: TimeZone) {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
    self.init(dayNumber: seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
  }

  /// The day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
  public var isoWeekday: Int { Civil.weekday(days: dayNumber) + 1 }

  /// The number of days in this date's month.
  public var daysInMonth: Int { LocalDate.daysIn(year: year, month: month) }

  /// The calendar quarter, 1 to 4.
  public var quarter: Int { (month - 1) / 3 + 1 }

  /// The first day of this date's month.
  public var firstOfMonth: LocalDate { LocalDate(unchecked: year, month, 1) }

  /// The last day of this date's month.
  public var lastOfMonth: LocalDate { LocalDate(unchecked: year, month, daysInMonth) }

  /// The date `count` days later (earlier when negative).
  public func adding(days count: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + count) }

  /// The same day `count` months later, clamped to the month's end (Jan 31 + 1 month = Feb 28/29).
  public func adding(months count: Int) -> LocalDate {
    let index = year * 12 + (month - 1) + count
    let y = index >= 0 ? index / 12 : (index - 11) / 12
    let m = index - y * 12 + 1
    return LocalDate(unchecked: y, m, min(day, LocalDate.daysIn(year: y, month: m)))
  }

  /// The first instant of this day in a zone (moved past the gap when midnight is skipped).
  public func startInstant(in zone: TimeZone) -> Date {
    LocalDate.instant(dayNumber: dayNumber, secondOfDay: 0, in: zone)
  }

  /// The instant at which this day shows the given wall-clock time in a zone.
  ///
  /// A time skipped by a clock change is moved forward by the length of the gap;
  /// a repeated time maps to its first occurrence.
  public func instant(hour: Int, minute: Int, second: Int = 0, in zone: TimeZone) -> Date {
    LocalDate.instant(dayNumber: dayNumber, secondOfDay: hour * 3600 + minute * 60 + second, in: zone)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    var bytes: [UInt8] = []
    write(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `description`'s bytes, `YYYY-MM-DD`.
  package func write(into bytes: inout [UInt8]) {
    DecimalBytes.append(year, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    DecimalBytes.appendTwoDigits(month, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    DecimalBytes.appendTwoDigits(day, to: &bytes)
  }

  /// Orders dates chronologically.
  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The number of days in a month of a year.
  public static func daysIn(year: Int, month: Int) -> Int { Civil.daysInMonth(year: year, month: month) }

  /// Whether a year is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool { Civil.isLeap(year) }

  private static func instant(dayNumber: Int, secondOfDay: Int, in zone: TimeZone) -> Date {
    let wall = dayNumber * 86_400 + secondOfDay
    let guess = Date(timeIntervalSince1970: TimeInterval(wall))
    let offsetBefore = zone.secondsFromGMT(for: guess.addingTimeInterval(-86_400))
    let offsetAfter = zone.secondsFromGMT(for: guess.addingTimeInterval(86_400))
    for offset in [max(offsetBefore, offsetAfter), min(offsetBefore, offsetAfter)] {
      let candidate = Date(timeIntervalSince1970: TimeInterval(wall - offset))
      if zone.secondsFromGMT(for: candidate) == offset { return candidate }
    }
    // The wall time falls in a gap: the first instant after it has the later offset.
    return Date(timeIntervalSince1970: TimeInterval(wall - offsetBefore))
  }
}
