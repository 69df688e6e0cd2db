import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("steward-change-sweep")
struct StewardChangeTests {
  static func world() -> World {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.household("H2", building: "B2", states: [(.vacant, "2025-01-01")], grades: [(.a, "2025-01-01")])
    return world
  }

  static let change = StewardAssignment(steward: "S2", since: Day.at("2026-03-15", 12))

  @Test func aMidMonthChangeOwesEveryHouseholdAVisitWithinTwoMonths() {
    var world = StewardChangeTests.world()
    world.area.stewards.append(StewardChangeTests.change)
    let plan = world.plan(year: 2026, at: "2026-03-15")
    for household in ["H1", "H2"] {
      #expect(
        plan.summary(household, "steward-change-sweep") == [
          "\(household)/steward-change-sweep/2026-03-15/1 2026-03-15..2026-05-15 2026-03 open"
        ])
      #expect(plan.tasks(household, "steward-change-sweep").first?.assignee == "S2")
    }
  }

  @Test func replanningAfterTheChangeReassignsOpenTasksAndCreatesTheSweep() {
    var world = StewardChangeTests.world()
    world.visit("V1", "H2", "2026-01-10", channel: .phone)
    var facts = world.facts
    let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)
    var plan = planner.plan(facts, at: Day.at("2026-03-14"))
    var area = world.area
    area.stewards.append(StewardChangeTests.change)
    let concerned = facts.upsert(area)
    #expect(concerned == ["H1", "H2"])
    let changes = planner.replan(households: concerned, in: facts, at: Day.at("2026-03-15", 13), plan: &plan)
    let created = changes.filter { $0.kind == .created }.map(\.task.id)
    #expect(created == ["H1/steward-change-sweep/2026-03-15/1", "H2/steward-change-sweep/2026-03-15/1"])
    let reassigned = changes.filter { $0.kind == .reassigned }.map(\.task.id)
    #expect(reassigned.contains("H1/occupied-annual/2026/1"))
    #expect(reassigned.contains("H2/vacant-quarterly/2026-Q2/1"))
    // Done in Q1 by S1: stays with S1.
    #expect(!reassigned.contains("H2/vacant-quarterly/2026-Q1/1"))
    #expect(plan.task(id: "H2/vacant-quarterly/2026-Q1/1")?.assignee == "S1")
    // Planned months never move.
    let before = planner.plan(world.facts, at: Day.at("2026-03-14"))
    #expect(
      plan.tasks("H2", "vacant-quarterly").map(\.plannedMonth)
        == before.tasks("H2", "vacant-quarterly").map(\.plannedMonth))
  }

  @Test func householdsDeliveredAfterTheChangeOweNoSweep() {
    var world = StewardChangeTests.world()
    world.household("H3", states: [(.occupied, "2026-04-01")])
    world.area.stewards.append(StewardChangeTests.change)
    #expect(world.plan(year: 2026, at: "2026-04-02").tasks("H3", "steward-change-sweep").isEmpty)
  }
}
