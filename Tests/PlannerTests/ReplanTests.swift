import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("incremental re-planning")
struct ReplanTests {
  static let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)

  static func world() -> World {
    var world = World()
    world.household("H1", states: [(.vacant, "2025-01-01")], grades: [(.a, "2025-01-01")])
    world.household("H2", states: [(.occupied, "2025-01-01")])
    return world
  }

  @Test func aVisitSettlesOnlyItsHouseholdsTasks() {
    let world = Self.world()
    var facts = world.facts
    var plan = Self.planner.plan(facts, at: Day.at("2026-02-01"))
    let concerned = facts.add(
      Visit(id: "V1", household: "H1", at: Day.at("2026-02-02"), channel: .sms, steward: "S1"))
    let changes = Self.planner.replan(households: concerned, in: facts, at: Day.at("2026-02-03"), plan: &plan)
    #expect(changes.map(\.kind) == [.settled])
    #expect(changes.first?.task.id == "H1/vacant-quarterly/2026-Q1/1")
    #expect(changes.first?.previous?.state == .open)
  }

  @Test func aMoveInCreatesTheWelcomeAndCancelsTheVacantQuarters() {
    var world = Self.world()
    var facts = world.facts
    var plan = Self.planner.plan(facts, at: Day.at("2026-02-01"))
    world.households[0].states.append(Dated(.occupied, since: Day.at("2026-02-10", 9)))
    world.households[0].events.append(HouseholdEvent(.movedIn, at: Day.at("2026-02-10", 9)))
    let concerned = facts.upsert(world.households[0])
    let changes = Self.planner.replan(
      households: concerned, in: facts, at: Day.at("2026-02-10", 12), plan: &plan)
    let summary = changes.map { "\($0.kind.rawValue) \($0.task.id)" }
    #expect(
      summary == [
        "created H1/move-in-welcome/2026-02-10/1",
        "created H1/occupied-annual/2026/1",
        "cancelled H1/vacant-quarterly/2026-Q1/1",
        "cancelled H1/vacant-quarterly/2026-Q2/1",
        "cancelled H1/vacant-quarterly/2026-Q3/1",
        "cancelled H1/vacant-quarterly/2026-Q4/1",
      ])
    #expect(plan.task(id: "H1/occupied-annual/2026/1")?.opens == Day.date("2026-02-10"))
  }

  @Test func aWaiverSettlesAndTheClockMakesAnEndedQuartersTaskMissed() {
    let world = Self.world()
    var facts = world.facts
    var plan = Self.planner.plan(facts, at: Day.at("2026-03-30"))
    let concerned = facts.add(
      Waiver(task: "H2/occupied-annual/2026/1", reason: "abroad", at: Day.at("2026-03-31")))
    let waived = Self.planner.replan(
      households: concerned, in: facts, at: Day.at("2026-03-31", 12), plan: &plan)
    #expect(waived.map(\.kind) == [.settled])
    #expect(waived.first?.task.state == .waived)
    let later = Self.planner.plan(facts, at: Day.at("2026-04-01", 12), previous: plan)
    let missed = later.changes(since: plan).filter { $0.task.state == .missed }
    #expect(missed.map(\.task.id) == ["H1/vacant-quarterly/2026-Q1/1"])
    #expect(missed.map(\.kind) == [.updated])
  }
}
