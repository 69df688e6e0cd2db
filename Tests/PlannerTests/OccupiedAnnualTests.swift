import CalendarSpec
import Planner
import Policy
import Testing

@Suite("occupied-annual")
struct OccupiedAnnualTests {
  @Test func anInHomeVisitOutsideTheEveningWindowIsAcceptedAndFlagged() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.visit("V1", "H1", "2026-06-30", hour: 14, channel: .inHome)
    let task = world.plan(year: 2026, at: "2026-07-01").tasks("H1", "occupied-annual")
    #expect(task.map(\.id) == ["H1/occupied-annual/2026/1"])
    #expect(task.first?.state == .done)
    #expect(
      task.first?.settlement == .visit(id: "V1", at: Day.at("2026-06-30", 14), outsideVisitingWindow: true))
  }

  @Test func aVisitAtTheWindowsLastMinuteIsInsideIt() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.household("H2", states: [(.occupied, "2025-01-01")])
    world.visit("V1", "H1", "2026-06-30", channel: .inHome)
    world.visit("V2", "H2", "2026-06-30", channel: .inHome)
    world.visits[0].at = Day.at("2026-06-30", 19, 30)
    world.visits[1].at = Day.at("2026-06-30", 19, 31)
    let plan = world.plan(year: 2026, at: "2026-07-01")
    #expect(
      plan.tasks("H1", "occupied-annual").first?.settlement
        == .visit(id: "V1", at: Day.at("2026-06-30", 19, 30), outsideVisitingWindow: false))
    #expect(
      plan.tasks("H2", "occupied-annual").first?.settlement
        == .visit(id: "V2", at: Day.at("2026-06-30", 19, 31), outsideVisitingWindow: true))
    let summary = MonthlySummary(
      project: "P1", month: YearMonth(year: 2026, month: 6), plan: plan, facts: world.facts,
      rules: ShippedPolicy.ruleSet(), threshold: Summary(commonMatterHouseholds: 2))
    #expect(summary.outOfWindow == 1)
  }

  @Test func aRuleThatRefusesOutOfWindowVisitsStaysOpen() {
    var rules = ShippedPolicy.rules
    let index = rules.firstIndex { $0.id == "occupied-annual" }!
    rules[index].visitingWindow.outside = .refuse
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.visit("V1", "H1", "2026-06-30", hour: 14, channel: .inHome)
    world.visit("V2", "H1", "2026-07-01", hour: 17, channel: .inHome)
    world.visit("V3", "H1", "2026-07-02", hour: 17, channel: .inHome)
    world.visits[2].at = Day.at("2026-07-02", 17, 30)
    let task = world.plan(year: 2026, at: "2026-07-03", rules: ShippedPolicy.ruleSet(rules: rules)).tasks(
      "H1", "occupied-annual")
    #expect(task.first?.settlement?.detail == "V3")
  }

  @Test func attemptsAndPhoneCallsSatisfyNothing() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.visit("V1", "H1", "2026-03-03", channel: .inHome, outcome: .notReached)
    world.visit("V2", "H1", "2026-03-04", channel: .inHome, outcome: .refused)
    world.visit("V3", "H1", "2026-03-05", channel: .phone)
    let plan = world.plan(year: 2026, at: "2026-12-31")
    #expect(plan.tasks("H1", "occupied-annual").map(\.state) == [.open])
    #expect(
      world.plan(year: 2026, at: "2027-01-01").tasks("H1", "occupied-annual").map(\.state) == [.missed])
  }

  @Test func aWaiverHandlesTheTask() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.waivers = [
      Waiver(task: "H1/occupied-annual/2026/1", reason: "owner abroad", at: Day.at("2026-05-01"))
    ]
    let task = world.plan(year: 2026, at: "2026-12-31").tasks("H1", "occupied-annual")
    #expect(task.first?.state == .waived)
    #expect(task.first?.settlement == .waiver(reason: "owner abroad", at: Day.at("2026-05-01")))
  }

  @Test func aVisitInTheGracePeriodIsLate() {
    var rules = ShippedPolicy.rules
    let index = rules.firstIndex { $0.id == "move-in-welcome" }!
    rules[index].grace = CalendarSpan(7, .day)
    var world = World()
    world.household("H1", states: [(.occupied, "2026-01-31")], events: [(.movedIn, "2026-01-31")])
    world.visit("V1", "H1", "2026-03-07", channel: .inHome)
    let task = world.plan(year: 2026, at: "2026-03-08", rules: ShippedPolicy.ruleSet(rules: rules)).tasks(
      "H1", "move-in-welcome")
    #expect(task.first?.graceEnd == Day.date("2026-03-07"))
    #expect(task.first?.state == .late)
  }
}
