import CalendarSpec
import Planner
import Policy
import Testing

@Suite("move-in-welcome")
struct MoveInTests {
  @Test(arguments: [
    ("2026-01-31", "2026-02-28"), ("2028-01-31", "2028-02-29"), ("2028-02-29", "2028-03-29"),
    ("2026-12-31", "2027-01-31"),
  ])
  func theWindowIsOneCalendarMonthClampedToTheMonthEnd(movedIn: String, due: String) {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-01-01"), (.occupied, movedIn)], events: [(.movedIn, movedIn)])
    let year = Day.date(movedIn).year
    let task = world.plan(year: year, at: movedIn).tasks("H1", "move-in-welcome")
    #expect(task.map(\.id) == ["H1/move-in-welcome/\(movedIn)/1"])
    #expect(task.first?.opens == Day.date(movedIn))
    #expect(task.first?.due == Day.date(due))
  }

  @Test func aVisitOnTheLastDayCountsAndTheDayAfterIsOverdue() {
    var world = World()
    world.household("H1", states: [(.occupied, "2026-01-31")], events: [(.movedIn, "2026-01-31")])
    world.household("H2", states: [(.occupied, "2026-01-31")], events: [(.movedIn, "2026-01-31")])
    world.visit("V1", "H1", "2026-02-28", channel: .inHome)
    world.visit("V2", "H2", "2026-03-01", channel: .inHome)
    let plan = world.plan(year: 2026, at: "2026-03-02")
    #expect(plan.tasks("H1", "move-in-welcome").map(\.state) == [.done])
    #expect(plan.tasks("H2", "move-in-welcome").map(\.state) == [.overdue])
    // V2 still does the annual visit.
    #expect(plan.tasks("H2", "occupied-annual").first?.settlement?.detail == "V2")
  }

  @Test func theWindowNeverOpensBeforeTheMoveIn() {
    var world = World()
    world.household("H1", states: [(.occupied, "2026-01-31")], events: [(.movedIn, "2026-01-31")])
    world.visit("V1", "H1", "2026-01-30", channel: .inHome)
    let plan = world.plan(year: 2026, at: "2026-01-31")
    #expect(plan.tasks("H1", "move-in-welcome").map(\.state) == [.open])
  }

  @Test func aMoveInAfterTheClockIsNotYetKnown() {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-01-01"), (.occupied, "2026-03-15")], events: [(.movedIn, "2026-03-15")])
    let plan = world.plan(year: 2026, at: "2026-03-14")
    #expect(plan.tasks("H1", "move-in-welcome").isEmpty)
  }
}
