import CalendarSpec
import Foundation
import Testing

private let shanghai = TimeZone(identifier: "Asia/Shanghai")!
private let berlin = TimeZone(identifier: "Europe/Berlin")!

@Test(arguments: [
  ("2026-01-31", 1, "2026-02-28"),
  ("2028-01-31", 1, "2028-02-29"),
  ("2026-03-31", 1, "2026-04-30"),
  ("2026-12-15", 1, "2027-01-15"),
  ("2026-01-15", -1, "2025-12-15"),
  ("2028-02-29", 12, "2029-02-28"),
  ("2026-08-31", 3, "2026-11-30"),
])
func addingMonthsClampsToTheMonthEnd(start: String, months: Int, expected: String) {
  #expect(LocalDate(parsing: start)!.adding(months: months).description == expected)
}

@Test func dayNumbersRoundTripAcrossCenturies() {
  for number in stride(from: -800_000, through: 800_000, by: 997) {
    #expect(LocalDate(dayNumber: number).dayNumber == number)
  }
  #expect(LocalDate(parsing: "1970-01-01")!.dayNumber == 0)
  #expect(LocalDate(parsing: "2026-11-26")!.isoWeekday == 4)
}

@Test(arguments: ["2026-02-30", "2026-13-01", "2026-1-1x", "26-01-01", "", "2025-02-29"])
func impossibleDatesDoNotParse(text: String) {
  #expect(LocalDate(parsing: text) == nil)
}

@Test func slashDatesParse() {
  #expect(LocalDate(parsing: "2027/3/10")?.description == "2027-03-10")
}

@Test func localDateOfAnInstantUsesTheGivenZone() {
  let instant = Date(timeIntervalSince1970: 1_767_196_800)  // 2025-12-31 16:00 UTC
  #expect(LocalDate(instant, in: shanghai).description == "2026-01-01")
  #expect(LocalDate(instant, in: TimeZone(identifier: "UTC")!).description == "2025-12-31")
}

@Test func wallClockTimesAcrossDaylightSavingChanges() {
  let day = LocalDate(parsing: "2026-03-29")!
  // 02:30 does not exist in Berlin that day: moved forward by the gap, to 03:30 CEST (01:30 UTC).
  #expect(day.instant(hour: 2, minute: 30, in: berlin).timeIntervalSince1970 == 1_774_747_800)
  let autumn = LocalDate(parsing: "2026-10-25")!
  // 02:30 happens twice: the first occurrence is 02:30 CEST (00:30 UTC).
  #expect(autumn.instant(hour: 2, minute: 30, in: berlin).timeIntervalSince1970 == 1_792_888_200)
}

@Test(arguments: [
  ("1 month", "2026-01-31", "2026-02-28"),
  ("2 months", "2026-12-31", "2027-02-28"),
  ("1 quarter", "2026-11-30", "2027-02-28"),
  ("1 year", "2028-02-29", "2029-02-28"),
  ("14 days", "2026-02-20", "2026-03-06"),
  ("2 weeks", "2026-12-25", "2027-01-08"),
  ("3 day", "2026-01-01", "2026-01-04"),
])
func spansAdvanceLocalDates(span: String, start: String, expected: String) throws {
  let parsed = try CalendarSpan(parsing: span)
  #expect(parsed.added(to: LocalDate(parsing: start)!).description == expected)
}

@Test func spansKeepTheLocalWallClockTime() throws {
  let start = LocalDate(parsing: "2026-01-31")!.instant(hour: 18, minute: 5, in: shanghai)
  let end = try CalendarSpan(parsing: "1 month").added(to: start, in: shanghai)
  #expect(end == LocalDate(parsing: "2026-02-28")!.instant(hour: 18, minute: 5, in: shanghai))
}

@Test(arguments: [
  ("1 fortnight", "'fortnight': unknown unit; expected day, week, month, quarter or year"),
  ("month", "expected a span like '1 month' or '14 days'"),
  ("-1 day", "expected a span like '1 month' or '14 days'"),
])
func badSpansSayWhatIsWrong(text: String, message: String) {
  #expect(throws: CalendarSpecError.self) { try CalendarSpan(parsing: text) }
  do {
    _ = try CalendarSpan(parsing: text)
  } catch {
    #expect(error.description.hasSuffix(message))
  }
}

@Test func visitingWindowHoldsItsHours() throws {
  let window = try DailyWindow(parsing: "17:30-19:30")
  let day = LocalDate(parsing: "2026-06-01")!
  #expect(window.contains(day.instant(hour: 17, minute: 30, in: shanghai), in: shanghai))
  #expect(window.contains(day.instant(hour: 19, minute: 29, in: shanghai), in: shanghai))
  #expect(!window.contains(day.instant(hour: 19, minute: 30, in: shanghai), in: shanghai))
  #expect(!window.contains(day.instant(hour: 17, minute: 29, in: shanghai), in: shanghai))
  #expect(window.description == "17:30-19:30")
}

@Test(arguments: ["19:30-17:30", "17:30", "25:00-26:00", "17:60-18:00", "17:30-17:30", "7:3-8:00"])
func badWindowsAreRejected(text: String) {
  #expect(throws: CalendarSpecError.self) { try DailyWindow(parsing: text) }
}
