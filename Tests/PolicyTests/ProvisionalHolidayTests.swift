import CalendarSpec
import Testing

@testable import Policy

/// A year without its holidays file gets provisional holidays, marked as such (issue 22, item 3).
@Suite("Provisional holidays")
struct ProvisionalHolidayTests {
  private static func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

  private static let loaded = PolicyLoader.load(RuleSource(directories: [Support.shippedRules])).ruleSet

  @Test func theShippedRulesMark2026OfficialAndOtherYearsProvisional() throws {
    let holidays = try #require(Self.loaded).holidays
    #expect(holidays.officialYears == [2026])
    #expect(!holidays.isProvisional(year: 2026))
    #expect(holidays.provisionalYears(in: 2025...2028) == [2025, 2027, 2028])
  }

  @Test func aCalendarBuiltInCodeHasNoProvisionalYears() {
    let holidays = HolidayCalendar()
    #expect(holidays.provisionalYears(in: 2025...2028).isEmpty)
    #expect(holidays.isWorkingDay(Self.day("2027-02-08")))
  }

  @Test func springFestival2027IsEveThroughTheSeventhDay() throws {
    let holidays = try #require(Self.loaded).holidays
    let festival = try #require(HolidayCalendar.provisionalHolidays(year: 2027).first { $0.name == "春节" })
    #expect(festival.offDays.first == Self.day("2027-02-05"))
    #expect(festival.offDays.contains(Self.day("2027-02-06")))
    #expect(festival.offDays.last == Self.day("2027-02-12"))
    #expect(festival.workingDays.isEmpty)
    #expect(holidays.isWorkingDay(Self.day("2027-02-04")))
    for offset in [0, 3, 4, 5, 6, 7] {
      #expect(!holidays.isWorkingDay(Self.day("2027-02-05").adding(days: offset)))
    }
    #expect(holidays.isWorkingDay(Self.day("2027-02-15")))
  }

  @Test func theProvisionalDatesOf2027FollowTheLunarCalendarAndTheSolarTerm() {
    let dates = Dictionary(
      uniqueKeysWithValues: HolidayCalendar.provisionalHolidays(year: 2027).map { ($0.name, $0.offDays) })
    #expect(dates["元旦"] == [Self.day("2027-01-01")])
    #expect(dates["清明节"] == [Self.day("2027-04-05")])
    #expect(dates["劳动节"]?.first == Self.day("2027-05-01"))
    #expect(dates["劳动节"]?.last == Self.day("2027-05-05"))
    #expect(dates["端午节"] == [Self.day("2027-06-09")])
    #expect(dates["中秋节"] == [Self.day("2027-09-15")])
    #expect(dates["国庆节"]?.first == Self.day("2027-10-01"))
    #expect(dates["国庆节"]?.last == Self.day("2027-10-07"))
  }

  @Test(arguments: [
    (2024, "2024-04-04"), (2025, "2025-04-04"), (2026, "2026-04-05"), (2027, "2027-04-05"),
    (2028, "2028-04-04"), (2029, "2029-04-04"), (2030, "2030-04-05"),
  ])
  func qingmingIsTheDayOfTheSolarTerm(_ year: Int, _ date: String) {
    #expect(SolarTerms.qingming(year: year) == Self.day(date))
  }

  /// The 2026 notice against what would have been computed without it: the same days off but for
  /// 2 January (a bridge day the notice added) and the six make-up Saturdays and Sundays (调休).
  @Test func provisional2026DiffersFromTheNoticeOnlyByItsBridgeAndMakeUpDays() throws {
    let official = try #require(Self.loaded).holidays
    let provisional = HolidayCalendar(providesProvisionalYears: true)
    let year = (0..<365).map { Self.day("2026-01-01").adding(days: $0) }
    let differing = year.filter { official.isWorkingDay($0) != provisional.isWorkingDay($0) }
    #expect(
      differing.map(\.description) == [
        "2026-01-02", "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
      ])
    let officialOff = Set(year.filter { !official.isWorkingDay($0) && $0.isoWeekday <= 5 })
    let provisionalOff = Set(year.filter { !provisional.isWorkingDay($0) && $0.isoWeekday <= 5 })
    #expect(officialOff.subtracting(provisionalOff) == [Self.day("2026-01-02")])
    #expect(provisionalOff.isSubset(of: officialOff))
    #expect(officialOff.count == 19)
  }
}
