import CalendarSpec
import Foundation
import Policy
import Testing

@testable import visitd

private let shanghai = TimeZone(identifier: "Asia/Shanghai")!

private func at(_ day: String, _ hour: Int, _ minute: Int = 0) -> Date {
  LocalDate(parsing: day)!.instant(hour: hour, minute: minute, in: shanghai)
}

private func timetable(_ calendar: String, days: DayFilter = .all) throws -> ScheduleTimetable {
  let schedule = Schedule(
    id: "s", title: "s", calendar: try CalendarEvent(parsing: calendar), days: days, audience: .steward,
    report: .dailyDigest)
  let holidays = HolidayCalendar(
    offDays: [LocalDate(parsing: "2026-10-01")!, LocalDate(parsing: "2026-10-02")!],
    workingDays: [LocalDate(parsing: "2026-10-10")!])
  return ScheduleTimetable(schedules: [schedule], zone: shanghai, holidays: holidays)
}

@Test func workingDayScheduleSkipsOffDaysAndKeepsMakeUpDays() throws {
  let table = try timetable("*-*-* 16:30", days: .working)
  let schedule = table.schedules[0]
  #expect(table.nextElapse(of: schedule, after: at("2026-09-30", 17)) == at("2026-10-05", 16, 30))
  #expect(table.nextElapse(of: schedule, after: at("2026-10-09", 17)) == at("2026-10-10", 16, 30))
}

@Test func missedRunsAfterDowntimeRunOnceForTheLatestElapse() throws {
  let table = try timetable("*-*-15 09:00")
  let due = table.due(lastRuns: ["s": at("2026-06-15", 9)], now: at("2026-09-20", 12))
  #expect(due == [DueRun(schedule: "s", scheduledFor: at("2026-09-15", 9), elapses: 3)])
}

@Test func aScheduleThatRanIsNotDueAgainBeforeItsNextElapse() throws {
  let table = try timetable("*-*-15 09:00")
  #expect(table.due(lastRuns: ["s": at("2026-09-15", 9)], now: at("2026-10-14", 23)).isEmpty)
  #expect(table.due(lastRuns: [:], now: at("2026-10-14", 23)).isEmpty)
}

@Test func nextInstantIsTheEarliestElapse() throws {
  let table = try timetable("*-*-15 09:00")
  #expect(table.nextInstant(after: at("2026-11-26", 10))?.at == at("2026-12-15", 9))
}
