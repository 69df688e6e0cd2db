import CalendarSpec
import Planner
import Policy
import Testing

@Suite("renovation-call and renovation-visit")
struct RenovationTests {
  @Test func aCallIsOwedBetweenPermitAndAcceptance() {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-12-01"), (.renovating, "2026-03-10"), (.vacant, "2026-06-30")],
      grades: [(.a, "2025-12-01")],
      events: [(.renovationPermit, "2026-03-10"), (.renovationAccepted, "2026-06-30")])
    world.visit("V1", "H1", "2026-04-15", channel: .phone)
    let plan = world.plan(year: 2026, at: "2026-12-31")
    #expect(
      plan.summary("H1", "renovation-call") == [
        "H1/renovation-call/2026-03-10/1 2026-03-10..2026-06-30 2026-03 done"
      ])
  }

  @Test func aRenovationNeverAcceptedKeepsItsCallOpenEnded() {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-12-01"), (.renovating, "2026-09-01")],
      events: [(.renovationPermit, "2026-09-01")])
    let plan = world.plan(year: 2026, at: "2026-12-31")
    #expect(
      plan.summary("H1", "renovation-call") == [
        "H1/renovation-call/2026-09-01/1 2026-09-01..open 2026-09 open"
      ])
    #expect(plan.tasks("H1", "renovation-visit").isEmpty)
  }

  @Test func anAbandonedRenovationCancelsTheCall() {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-12-01"), (.renovating, "2026-09-01"), (.vacant, "2026-10-01")],
      events: [(.renovationPermit, "2026-09-01")])
    let task = world.plan(year: 2026, at: "2026-12-31").tasks("H1", "renovation-call")
    #expect(task.map(\.state) == [.cancelled])
    #expect(
      task.first?.settlement?.detail.hasPrefix("no longer matches renovation-call: state vacant") == true)
  }

  @Test func theFaceVisitIsOwedFromAcceptanceEvenWhenTheDepositFollows() {
    var world = World()
    world.household(
      "H1", states: [(.renovating, "2026-03-10"), (.occupied, "2026-06-30")],
      events: [
        (.renovationPermit, "2026-03-10"), (.renovationAccepted, "2026-06-30"),
        (.depositRefunded, "2026-07-15"),
      ])
    let plan = world.plan(year: 2026, at: "2026-07-31")
    #expect(
      plan.summary("H1", "renovation-visit") == [
        "H1/renovation-visit/2026-06-30/1 2026-06-30..2026-07-30 2026-06 overdue"
      ])
  }

  @Test func aDepositRefundOnTheMonthEndOpensTheWindowFirst() {
    var world = World()
    world.household(
      "H1", states: [(.renovating, "2026-03-10")],
      events: [
        (.renovationPermit, "2026-03-10"), (.depositRefunded, "2026-05-31"),
        (.renovationAccepted, "2026-06-10"),
      ])
    world.visit("V1", "H1", "2026-06-30", channel: .inHome)
    let plan = world.plan(year: 2026, at: "2026-07-01")
    #expect(
      plan.summary("H1", "renovation-visit") == [
        "H1/renovation-visit/2026-05-31/1 2026-05-31..2026-06-30 2026-05 done"
      ])
    #expect(
      plan.summary("H1", "renovation-call") == [
        "H1/renovation-call/2026-03-10/1 2026-03-10..2026-06-10 2026-03 overdue"
      ])
  }
}
