import CalendarSpec
import Foundation
import Operations
import Policy
import Testing

/// A year without its official holidays file is said to be provisional; next year's missing file is an alert
/// from 1 November.
@Suite struct HolidayStatusTests {
  let calendar = HolidayCalendar(officialYears: [2026], providesProvisionalYears: true)

  @Test func nextYearsMissingFileIsAnAlertFromTheFirstOfNovember() {
    let october = HolidayStatus(calendar, at: World.instant("2026-10-31 12:00"), zone: World.zone)
    #expect(october.provisional == [2027])
    #expect(!october.nextYearMissing && october.notice == nil)
    let november = HolidayStatus(calendar, at: World.instant("2026-11-01 09:00"), zone: World.zone)
    #expect(november.nextYearMissing)
    #expect(november.notice == "no holidays file for 2027 yet")
    #expect(november.lines.last?.hasPrefix("2027: provisional") == true)
  }

  @Test func aYearPlannedWithProvisionalHolidaysSaysSo() {
    let status = HolidayStatus(calendar, at: World.instant("2027-01-01 00:30"), zone: World.zone)
    #expect(status.thisYearProvisional)
    #expect(status.notice == "holidays 2027 provisional (no official file)")
    #expect(status.lines.first?.hasPrefix("2027: provisional") == true)
  }
}
