import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

/// Scenarios against the policy shipped in `rules/`, loaded by the Policy loader.
@Suite("shipped rules")
struct ShippedRulesTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("rules").path

  static func rules() throws -> RuleSet {
    try PolicyLoader.ruleSet(RuleSource(directories: [directory]))
  }

  @Test func everyRuleOfThePolicyIsShipped() throws {
    let ids = try Self.rules().rules.map(\.id).sorted()
    #expect(
      ids == [
        "activity-invitation", "deep-interview", "move-in-welcome", "occupied-annual", "renovation-call",
        "renovation-visit", "steward-change-sweep", "ticket-follow-up", "vacant-quarterly",
      ])
  }

  @Test func theSpringFestivalPushesALoneQuarterlyTaskToMarch() throws {
    // Working days of Q1 2026 with the 2026 holidays: January 21, February 16, March 22.
    var world = World()
    world.household("H1", states: [(.vacant, "2025-06-01")], grades: [(.a, "2025-06-01")])
    let plan = world.plan(year: 2026, at: "2025-12-31", rules: try Self.rules())
    #expect(plan.tasks("H1", "vacant-quarterly").map(\.plannedMonth.description).first == "2026-03")
    #expect(plan.tasks("H1", "vacant-quarterly").count == 4)
  }

  @Test func aMoveInOnThe31stIsWelcomedByTheEndOfFebruary() throws {
    var world = World()
    world.household(
      "H1", states: [(.occupied, "2026-01-31")], grades: [(.a, "2025-01-01")],
      events: [(.movedIn, "2026-01-31")])
    world.visit("V1", "H1", "2026-02-28", hour: 18, channel: .inHome)
    let plan = world.plan(year: 2026, at: "2026-03-01", rules: try Self.rules())
    #expect(
      plan.summary("H1", "move-in-welcome") == [
        "H1/move-in-welcome/2026-01-31/1 2026-01-31..2026-02-28 2026-01 done"
      ])
    #expect(plan.tasks("H1", "occupied-annual").first?.settlement?.detail == "V1")
  }

  @Test func aRenovationNeverAcceptedThenAcceptedLater() throws {
    var world = World()
    world.household(
      "H1", states: [(.vacant, "2025-06-01"), (.renovating, "2026-09-30")], grades: [(.b, "2025-06-01")],
      events: [(.renovationPermit, "2026-09-30")])
    let rules = try Self.rules()
    #expect(
      world.plan(year: 2026, at: "2026-12-31", rules: rules).summary("H1", "renovation-call") == [
        "H1/renovation-call/2026-09-30/1 2026-09-30..open 2026-09 open"
      ])
    world.households[0].states.append(Dated(.occupied, since: Day.at("2027-01-31", 9)))
    world.households[0].events.append(HouseholdEvent(.renovationAccepted, at: Day.at("2027-01-31", 9)))
    let later = world.plan(year: 2027, at: "2027-03-01", rules: rules)
    #expect(
      later.summary("H1", "renovation-call") == [
        "H1/renovation-call/2026-09-30/1 2026-09-30..2027-01-31 2026-09 overdue"
      ])
    #expect(
      later.summary("H1", "renovation-visit") == [
        "H1/renovation-visit/2027-01-31/1 2027-01-31..2027-02-28 2027-01 overdue"
      ])
  }

  @Test func aStewardChangeSweepsAVacantHouseholdByPhone() throws {
    var world = World()
    world.household("H1", states: [(.vacant, "2025-06-01")], grades: [(.c, "2025-06-01")])
    world.area.stewards.append(StewardAssignment(steward: "S2", since: Day.at("2026-03-15", 12)))
    world.visit("V1", "H1", "2026-04-01", channel: .wechat, kind: .deep)
    let plan = world.plan(year: 2026, at: "2026-04-02", rules: try Self.rules())
    #expect(
      plan.summary("H1", "steward-change-sweep") == [
        "H1/steward-change-sweep/2026-03-15/1 2026-03-15..2026-05-15 2026-03 done"
      ])
    #expect(plan.tasks("H1", "deep-interview").first?.settlement?.detail == "V1")
    #expect(plan.tasks("H1", "vacant-quarterly").isEmpty)
  }

  @Test func ticketsAndCampaignsUnderTheShippedPolicy() throws {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")], grades: [(.a, "2025-01-01")])
    world.tickets = [Ticket(number: "T1", household: "H1", visit: "V0", closedAt: Day.at("2026-12-30", 16))]
    world.campaigns = [
      Campaign(
        id: "C1", rule: "activity-invitation", project: "P1", from: Day.date("2026-12-01"),
        to: Day.date("2026-12-20"))
    ]
    let plan = world.plan(year: 2026, at: "2026-12-31", rules: try Self.rules())
    #expect(
      plan.summary("H1", "ticket-follow-up") == [
        "H1/ticket-follow-up/T1/1 2026-12-30..2027-01-02 2026-12 open"
      ])
    #expect(
      plan.summary("H1", "activity-invitation") == [
        "H1/activity-invitation/C1/1 2026-12-01..2026-12-20 2026-12 overdue"
      ])
  }
}
