import CalendarSpec
import Planner
import Policy
import Testing

@Suite("vacant-quarterly")
struct VacantQuarterlyTests {
  /// A lone task goes to the month with the most working days (Q4 2026: Oct 22, Nov 21, Dec 23).
  @Test func aVacantAHouseholdOwesOneContactPerQuarter() {
    var world = World()
    world.household("H1", states: [(.vacant, "2025-06-01")], grades: [(.a, "2025-06-01")])
    let plan = world.plan(year: 2026, at: "2026-01-01")
    #expect(
      plan.summary("H1", "vacant-quarterly") == [
        "H1/vacant-quarterly/2026-Q1/1 2026-01-01..2026-03-31 2026-01 open",
        "H1/vacant-quarterly/2026-Q2/1 2026-04-01..2026-06-30 2026-04 planned",
        "H1/vacant-quarterly/2026-Q3/1 2026-07-01..2026-09-30 2026-07 planned",
        "H1/vacant-quarterly/2026-Q4/1 2026-10-01..2026-12-31 2026-12 planned",
      ])
  }

  @Test func theQuarterEndsAtLocalMidnight() {
    var world = World()
    world.household("H1", states: [(.vacant, "2025-06-01")], grades: [(.b, "2025-06-01")])
    world.visit("V1", "H1", "2026-03-31", hour: 23, channel: .wechat)
    world.visit("V2", "H1", "2026-04-01", hour: 0, channel: .sms)
    let plan = world.plan(year: 2026, at: "2026-04-02")
    let tasks = plan.tasks("H1", "vacant-quarterly")
    #expect(tasks[0].settlement?.detail == "V1")
    #expect(tasks[1].settlement?.detail == "V2")
    #expect(tasks.map(\.state) == [.done, .done, .planned, .planned])
  }

  @Test func aDeliveredHouseholdNotYetMovedInIsVacantFromDelivery() {
    var world = World()
    world.household(
      "H1", states: [(.occupied, "2026-05-01")], grades: [(.a, "2025-06-01")],
      events: [(.delivered, "2025-06-01"), (.movedIn, "2026-05-01")])
    world.household("H2", states: [], grades: [(.b, "2026-02-10")], events: [(.delivered, "2026-02-10")])
    world.visit("V1", "H1", "2026-02-10", channel: .phone)
    let plan = world.plan(year: 2026, at: "2026-03-01")
    #expect(world.households[0].state(at: Day.at("2026-02-10")) == .vacant)
    let owed = plan.tasks("H1", "vacant-quarterly")
    #expect(owed.map(\.id).first == "H1/vacant-quarterly/2026-Q1/1")
    #expect(owed.first?.settlement?.detail == "V1")
    #expect(owed.count == 4)
    let second = plan.tasks("H2", "vacant-quarterly").first
    #expect(second?.id == "H2/vacant-quarterly/2026-Q1/1")
    #expect(second?.opens == Day.date("2026-02-10"))
    #expect(second?.state == .open)
  }

  @Test func aHouseholdDeliveredMidQuarterOwesFromTheDeliveryDay() {
    var world = World()
    world.household("H1", states: [(.vacant, "2026-05-20")], grades: [(.a, "2026-05-20")])
    let plan = world.plan(year: 2026, at: "2026-05-20")
    #expect(
      plan.summary("H1", "vacant-quarterly").first
        == "H1/vacant-quarterly/2026-Q2/1 2026-05-20..2026-06-30 2026-05 open")
    #expect(plan.tasks("H1", "vacant-quarterly").count == 3)
  }

  @Test func startingARenovationCancelsTheQuarterButKeepsWhatIsDone() {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-06-01"), (.renovating, "2026-02-10")], grades: [(.a, "2025-06-01")])
    world.household(
      "H2", states: [(.vacant, "2025-06-01"), (.renovating, "2026-02-10")], grades: [(.a, "2025-06-01")])
    world.visit("V1", "H2", "2026-01-15", channel: .wechat)
    let plan = world.plan(year: 2026, at: "2026-03-01")
    let cancelled = plan.tasks("H1", "vacant-quarterly")
    #expect(cancelled.count == 1)
    #expect(cancelled[0].state == .cancelled)
    #expect(
      cancelled[0].settlement?.detail
        == "no longer matches vacant-quarterly: state renovating, grade A since 2026-02-10")
    #expect(plan.tasks("H2", "vacant-quarterly").map(\.state) == [.done])
  }

  @Test func aGradeCVacantHouseholdGetsDeepInterviewsByPhoneOrWechatOnly() {
    var world = World()
    world.household("H1", states: [(.vacant, "2025-06-01")], grades: [(.c, "2025-06-01")])
    world.visit("V1", "H1", "2026-02-01", channel: .inHome, kind: .deep)
    world.visit("V2", "H1", "2026-02-02", channel: .phone, kind: .basic)
    world.visit("V3", "H1", "2026-02-03", channel: .phone, kind: .deep, interviewee: .family)
    world.visit("V4", "H1", "2026-02-04", channel: .wechat, kind: .deep)
    let plan = world.plan(year: 2026, at: "2026-02-05")
    #expect(plan.tasks("H1", "vacant-quarterly").isEmpty)
    #expect(
      plan.summary("H1", "deep-interview") == [
        "H1/deep-interview/2026-H1/1 2026-01-01..2026-06-30 2026-02 done",
        "H1/deep-interview/2026-H2/1 2026-07-01..2026-12-31 2026-07 planned",
      ])
    #expect(plan.tasks("H1", "deep-interview")[0].settlement?.detail == "V4")
  }
}
