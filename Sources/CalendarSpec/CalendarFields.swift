/// The parsed fields of a calendar expression, systemd's `CalendarSpec`.
struct CalendarFields: Hashable, Sendable {
  /// Weekday bits, bit 0 = Monday; -1 (after normalizing) means every weekday.
  var weekdays: Int = 0
  var year: CalendarChain = nil
  var month: CalendarChain = nil
  var day: CalendarChain = nil
  var hour: CalendarChain = nil
  var minute: CalendarChain = nil
  /// Seconds in microseconds.
  var second: CalendarChain = nil
  /// Whether the days count back from the month's last day (`~`).
  var endOfMonth = false
  /// Whether the expression ends in `UTC`.
  var utc = false
  /// The IANA zone name the expression ends in, if any (never "UTC").
  var zoneName: String?

  static let allWeekdays = 127
  static let yearRange = 1970...2199
  static let microsPerSecond = 1_000_000

  /// Brings the fields into systemd's canonical shape (`calendar_spec_normalize`).
  mutating func normalize() {
    if zoneName == "UTC" {
      utc = true
      zoneName = nil
    }
    if weekdays <= 0 || weekdays >= Self.allWeekdays { weekdays = -1 }
    if endOfMonth && day == nil { endOfMonth = false }
    year = year.map { $0.map(Self.fixYear) }
    year = ChainMath.normalize(year)
    month = ChainMath.normalize(month)
    day = ChainMath.normalize(day)
    hour = ChainMath.normalize(hour)
    minute = ChainMath.normalize(minute)
    second = ChainMath.normalize(second)
  }

  /// Two-digit years as systemd reads them: 0..69 → 2000..2069, 70..99 → 1970..1999.
  private static func fixYear(_ c: CalendarComponent) -> CalendarComponent {
    func fix(_ v: Int) -> Int {
      if v >= 0 && v < 70 { return v + 2000 }
      if v >= 70 && v < 100 { return v + 1900 }
      return v
    }
    return CalendarComponent(
      start: fix(c.start), stop: c.stop >= 0 ? fix(c.stop) : c.stop, repeatBy: c.repeatBy)
  }

  /// Whether the hour field matches all 24 hours (`*`, `0/1`, `0..23`).
  var everyHour: Bool {
    guard let hour else { return true }
    return (0..<24).allSatisfy { h in hour.contains { $0.contains(h) } }
  }
}
