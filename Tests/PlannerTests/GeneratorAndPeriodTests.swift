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

  @Test(arguments: [
    (
      TaskAnchor.period(PeriodKey(.quarter, containing: YearMonth(year: 2026, month: 2))), 1,
      "H0001/r/2026-Q1/1"
    ),
    (.period(PeriodKey(.halfYear, containing: YearMonth(year: 2026, month: 8))), 2, "H0001/r/2026-H2/2"),
    (.period(PeriodKey(.year, containing: YearMonth(year: 2026, month: 8))), 12, "H0001/r/2026/12"),
    (.period(PeriodKey(.month, containing: YearMonth(year: 2026, month: 3))), 1, "H0001/r/2026-03/1"),
    (.period(PeriodKey(.month, containing: YearMonth(year: 2026, month: 11))), 1, "H0001/r/2026-11/1"),
    (.period(PeriodKey(.month, containing: YearMonth(year: 987, month: 1))), 1, "H0001/r/987-01/1"),
    (.event(.movedIn, Day.date("2026-04-04")), 1, "H0001/r/2026-04-04/1"),
    (.event(.stewardChanged, Day.date("2026-12-31")), 3, "H0001/r/2026-12-31/3"),
    (.event(.movedIn, LocalDate(year: 12026, month: 1, day: 9)!), 1, "H0001/r/12026-01-09/1"),
    (.ticket("T-2026/07"), 1, "H0001/r/T-2026/07/1"),
    (.campaign("春节走访"), 10, "H0001/r/春节走访/10"),
  ])
  func taskIdsAreReadableAndStable(anchor: TaskAnchor, ordinal: Int, id: String) {
    let task = VisitTask(
      household: "H0001", project: "P1", rule: "r", anchor: anchor, ordinal: ordinal,
      opens: Day.date("2026-01-01"), due: Day.date("2026-03-31"),
      plannedMonth: YearMonth(year: 2026, month: 2),
      assignee: "S1")
    #expect(task.id == id)
    #expect(task.id == "H0001/r/\(anchor)/\(ordinal)")
    var bytes = Array("left over from another id".utf8)
    task.writeID(into: &bytes)
    #expect(bytes == Array(id.utf8))
  }
}
