import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

/// A quota period that ends unsettled is a miss of that period, closed with its reason; event windows run on.
@Suite("closing a period")
struct PeriodClosingTests {
  static func world() -> World {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.household("H2", states: [(.vacant, "2025-01-01")], grades: [(.a, "2025-01-01")])
    world.household(
      "H3", states: [(.vacant, "2025-01-01"), (.occupied, "2026-11-20")], events: [(.movedIn, "2026-11-20")])
    return world
  }

  @Test func anUnsettledQuotaTaskIsMissedFromTheDayAfterItsPeriodEnds() {
    let world = Self.world()
    let lastDay = world.plan(year: 2026, at: "2026-12-31")
    #expect(lastDay.tasks("H1", "occupied-annual").map(\.state) == [.open])
    #expect(lastDay.tasks("H2", "vacant-quarterly").map(\.state) == [.missed, .missed, .missed, .open])
    let turned = world.plan(year: 2026, at: "2027-01-01")
    let annual = turned.tasks("H1", "occupied-annual")
    #expect(annual.map(\.id) == ["H1/occupied-annual/2026/1"])
    #expect(annual.map(\.state) == [.missed])
    #expect(annual.first?.missedReason == "period 2026 ended unsettled")
    #expect(annual.first?.periodEnd == Day.date("2026-12-31"))
    #expect(annual.first?.state.isSettled == true)
    #expect(turned.tasks("H2", "vacant-quarterly").last?.missedReason == "period 2026-Q4 ended unsettled")
  }

  @Test func anEventWindowIsNoQuotaAndRunsOnOverdue() {
    let plan = Self.world().plan(year: 2026, at: "2027-01-01")
    let welcome = plan.tasks("H3", "move-in-welcome")
    #expect(welcome.map(\.state) == [.overdue])
    #expect(welcome.first?.periodEnd == nil)
    #expect(welcome.first?.missedReason == nil)
  }

  @Test func aMissedTaskCountsAsOwedInItsPeriodsSummary() throws {
    let world = Self.world()
    let plan = world.plan(year: 2026, at: "2027-01-01")
    let task = try #require(plan.tasks("H1", "occupied-annual").first)
    let summary = MonthlySummary(
      project: "P1", month: task.plannedMonth, plan: plan, facts: world.facts, rules: ShippedPolicy.ruleSet(),
      threshold: Summary(commonMatterHouseholds: 3))
    #expect(summary.compliance.missed >= 1)
    #expect(summary.compliance.owed >= summary.compliance.missed)
    #expect(summary.compliance.rate < 1)
    #expect(summary.complianceBySteward["S1"]?.missed == summary.compliance.missed)
  }

  @Test func explainSaysATaskWasMissedAndWhy() throws {
    let world = Self.world()
    let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)
    let plan = planner.plan(world.facts, at: Day.at("2027-01-01", 9))
    let explanation = try #require(
      planner.explain(household: "H1", rule: "occupied-annual", facts: world.facts, plan: plan))
    #expect(explanation.rules.first?.tasks.first?.settledBy == "missed: period 2026 ended unsettled")
  }

  @Test func storedTasksOfAnEndedPeriodComeBackMissed() {
    let world = Self.world()
    let facts = world.facts
    let stored = world.plan(year: 2026, at: "2026-12-31").allTasks
    let clock = Day.at("2027-01-02", 9)
    for year in [2026, 2027] {
      let restored = Planner(rules: ShippedPolicy.ruleSet(), year: year).restore(
        stored, facts: facts, at: clock)
      #expect(restored.task(id: "H1/occupied-annual/2026/1")?.state == .missed, "year \(year)")
      #expect(restored.task(id: "H2/vacant-quarterly/2026-Q4/1")?.state == .missed, "year \(year)")
      #expect(restored.tasks("H3", "move-in-welcome").map(\.state) == [.overdue], "year \(year)")
    }
    let changes = Planner(rules: ShippedPolicy.ruleSet(), year: 2027).datedChanges(
      stored, facts: facts, at: clock)
    #expect(
      changes.map { "\($0.kind) \($0.task.id) \($0.previous?.state.rawValue ?? "") → \($0.task.state)" } == [
        "updated H1/occupied-annual/2026/1 open → missed",
        "updated H2/vacant-quarterly/2026-Q4/1 open → missed",
        "updated H3/occupied-annual/2026/1 open → missed",
      ])
  }

  @Test func aWaiverAfterTheMissDoesNotHideIt() {
    var world = Self.world()
    world.waivers = [
      Waiver(task: "H1/occupied-annual/2026/1", reason: "owner abroad", at: Day.at("2027-01-03")),
      Waiver(task: "H2/vacant-quarterly/2026-Q4/1", reason: "owner abroad", at: Day.at("2026-12-31")),
    ]
    let plan = world.plan(year: 2026, at: "2027-01-05")
    #expect(plan.tasks("H1", "occupied-annual").map(\.state) == [.missed])
    #expect(plan.tasks("H2", "vacant-quarterly").last?.state == .waived)
  }

  @Test func aVisitInsideThePeriodRecordedLateStillSettlesIt() {
    var world = Self.world()
    world.visit("V1", "H1", "2026-12-30", channel: .inHome)
    let plan = world.plan(year: 2026, at: "2027-01-05")
    #expect(plan.tasks("H1", "occupied-annual").map(\.state) == [.done])
  }

  @Test func aMissedTaskStaysWithTheStewardInChargeWhenItsPeriodEnded() {
    var world = Self.world()
    world.area.stewards.append(StewardAssignment(steward: "S2", since: Day.at("2027-01-03")))
    let plan = world.plan(year: 2026, at: "2027-01-05")
    #expect(plan.tasks("H1", "occupied-annual").map(\.assignee) == ["S1"])
    #expect(plan.tasks("H3", "move-in-welcome").map(\.assignee) == ["S2"])
  }
}
