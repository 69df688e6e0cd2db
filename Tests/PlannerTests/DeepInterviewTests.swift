import CalendarSpec
import Planner
import Policy
import Testing

@Suite("deep-interview")
struct DeepInterviewTests {
  @Test func oneEachHalfYearInHomeWithTheOwner() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")], grades: [(.d, "2025-01-01")])
    world.visit("V1", "H1", "2026-06-30", channel: .inHome, kind: .deep, interviewee: .family)
    world.visit("V2", "H1", "2026-06-30", hour: 19, channel: .inHome, kind: .deep)
    world.visit("V3", "H1", "2026-07-01", channel: .inHome, kind: .deep)
    let plan = world.plan(year: 2026, at: "2026-07-01")
    #expect(
      plan.summary("H1", "deep-interview") == [
        "H1/deep-interview/2026-H1/1 2026-01-01..2026-06-30 2026-06 done",
        "H1/deep-interview/2026-H2/1 2026-07-01..2026-12-31 2026-07 done",
      ])
    #expect(plan.tasks("H1", "deep-interview").map { $0.settlement?.detail } == ["V2", "V3"])
    // A deep interview also does the basic annual visit (the family interview V1 came first).
    #expect(plan.tasks("H1", "occupied-annual").first?.settlement?.detail == "V1")
  }

  @Test func aGradeRaisedMidYearOwesFromThatDay() {
    var world = World()
    world.household(
      "H1", states: [(.occupied, "2025-01-01")], grades: [(.b, "2025-01-01"), (.c, "2026-08-01")])
    let plan = world.plan(year: 2026, at: "2026-08-01")
    #expect(
      plan.summary("H1", "deep-interview") == [
        "H1/deep-interview/2026-H2/1 2026-08-01..2026-12-31 2026-08 open"
      ])
  }
}
