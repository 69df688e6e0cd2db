import CalendarSpec
import Foundation

/// Gregorian dates of lunar (农历) days in one Gregorian year, from Foundation's Chinese calendar.
struct ChineseCalendarDates {
  private let year: Int
  private let chinese: Calendar
  private let zone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

  /// The lunar days falling in Gregorian `year`.
  init(year: Int) {
    self.year = year
    var calendar = Calendar(identifier: .chinese)
    calendar.timeZone = zone
    chinese = calendar
  }

  /// The date of day `day` of lunar month `month` (not a leap month) in the year, searched in the
  /// Gregorian weeks that lunar month can fall in.
  func date(month: Int, day: Int) -> LocalDate? {
    // The lunar month `month` begins between 21 January + (month - 1) lunar months and a month later.
    guard let start = LocalDate(year: year, month: 1, day: 19)?.adding(days: (month - 1) * 29 + day - 1)
    else { return nil }
    return (0..<62).lazy.map { start.adding(days: $0) }.first { falls(month: month, day: day, on: $0) }
  }

  private func falls(month: Int, day: Int, on date: LocalDate) -> Bool {
    let noon = date.instant(hour: 12, minute: 0, in: zone)
    let parts = chinese.dateComponents([.month, .day, .isLeapMonth], from: noon)
    return parts.month == month && parts.day == day && parts.isLeapMonth != true
  }
}
