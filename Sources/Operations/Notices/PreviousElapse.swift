import CalendarSpec
import Foundation
import Policy

extension Schedule {
  /// The last elapse strictly before `instant` on a day the schedule's filter allows, nil when none in a year.
  ///
  /// Decision: the notices of a run tell what changed since the run before it; that run is taken to be the
  /// calendar's previous elapse (what the daemon ran, had it been up), so no state is kept between runs.
  func previousElapse(before instant: Date, zone: TimeZone, holidays: HolidayCalendar) -> Date? {
    let zone = calendar.timeZone ?? zone
    // Look back a day first, further only when nothing elapsed: a frequent expression stays cheap.
    for lookBack in [1, 8, 64, 400] {
      var latest: Date?
      for elapse in calendar.elapses(after: instant.addingTimeInterval(-Double(lookBack) * 86_400), in: zone)
      {
        guard elapse < instant else { break }
        if days == .all || holidays.isWorkingDay(LocalDate(elapse, in: zone)) { latest = elapse }
      }
      if let latest { return latest }
    }
    return nil
  }
}
