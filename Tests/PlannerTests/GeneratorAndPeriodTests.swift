import CalendarSpec
import Planner
import Policy
import Testing

@Suite("small building blocks")
struct GeneratorAndPeriodTests {
  @Test func splitMix64MatchesTheReferenceSequence() {
    var generator = SplitMix64(seed: 0)
    #expect(generator.next() == 0xe220_a839_7b1d_cdaf)
    #expect(generator.next() == 0x6e78_9e6a_a1b9_65f4)
  }

  @Test(arguments: [
    (Period.quarter, "2026-03", "2026-Q1", "2026-01-01", "2026-03-31"),
    (Period.quarter, "2026-04", "2026-Q2", "2026-04-01", "2026-06-30"),
    (Period.halfYear, "2026-06", "2026-H1", "2026-01-01", "2026-06-30"),
    (Period.halfYear, "2026-07", "2026-H2", "2026-07-01", "2026-12-31"),
    (Period.year, "2028-02", "2028", "2028-01-01", "2028-12-31"),
    (Period.month, "2028-02", "2028-02", "2028-02-01", "2028-02-29"),
  ])
  func periodsHaveTheirCalendarBoundaries(
    period: Period, month: String, label: String, first: String, last: String
  ) {
    let key = PeriodKey(period, containing: YearMonth(Day.date(month + "-01")))
    #expect(key.description == label)
    #expect(key.firstDay == Day.date(first))
    #expect(key.lastDay == Day.date(last))
  }

  @Test func taskIdsAreReadableAndStable() {
    let task = VisitTask(
      household: "H0001", project: "P1", rule: "vacant-quarterly",
      anchor: .period(PeriodKey(.quarter, containing: YearMonth(year: 2026, month: 2))), ordinal: 1,
      opens: Day.date("2026-01-01"), due: Day.date("2026-03-31"),
      plannedMonth: YearMonth(year: 2026, month: 2),
      assignee: "S1")
    #expect(task.id == "H0001/vacant-quarterly/2026-Q1/1")
    #expect(task.anchor == .period(PeriodKey(.quarter, containing: YearMonth(year: 2026, month: 1))))
  }
}
