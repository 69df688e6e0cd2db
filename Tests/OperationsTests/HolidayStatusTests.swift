import CalendarSpec
import Delivery
import Foundation
import Messages
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

/// The admin hears of next year's missing holidays file once a week from 1 November, never before.
@Suite struct HolidayNoticeTests {
  @Test func theAlertIsOneMessageAWeekFromTheFirstOfNovember() throws {
    // The shipped rules hold the 2026 notice only.
    #expect(try HolidayNotices.entry(rules: World.rules, at: World.instant("2026-10-31 09:00")) == nil)
    let sunday = try #require(
      try HolidayNotices.entry(rules: World.rules, at: World.instant("2026-11-01 09:00")))
    #expect(sunday.key == "holidays:2027:2026-10-26")
    let monday = try #require(
      try HolidayNotices.entry(rules: World.rules, at: World.instant("2026-11-02 09:00")))
    let friday = try #require(
      try HolidayNotices.entry(rules: World.rules, at: World.instant("2026-11-06 16:30")))
    #expect(monday.key == "holidays:2027:2026-11-02")
    #expect(friday.key == monday.key, "a week, one key")
    #expect(monday.audience == "admin")
    let text = try MessageRenderer().render(OutboxMessage.decode(monday.payload), key: monday.key).text
    #expect(text.hasPrefix("【节假日文件缺失】2027 年的法定节假日安排尚未安装\n"))
    #expect(text.contains("holidays-2027.toml"))
  }
}
