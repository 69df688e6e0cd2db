import CalendarSpec
import Planner
import Policy
import Testing

@Suite("ticket-follow-up and campaigns")
struct TicketAndCampaignTests {
  @Test func aClosedTicketIsFollowedWithinThreeDaysAcrossTheLeapDay() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.visit("V1", "H1", "2028-02-20", channel: .inHome, captured: Captured(tickets: ["T1"]))
    world.tickets = [
      Ticket(number: "T1", household: "H1", visit: "V1", closedAt: Day.at("2028-02-27", 16)),
      Ticket(number: "T2", household: "H1", visit: "V1"),
    ]
    world.visit("V2", "H1", "2028-03-01", channel: .phone)
    let plan = world.plan(year: 2028, at: "2028-03-02")
    #expect(
      plan.summary("H1", "ticket-follow-up") == [
        "H1/ticket-follow-up/T1/1 2028-02-27..2028-03-01 2028-02 done"
      ])
  }

  @Test func aCampaignCoversItsBuildingsOnly() {
    var world = World()
    world.household("H1", states: [(.occupied, "2025-01-01")])
    world.household("H2", building: "B2", states: [(.occupied, "2025-01-01")])
    world.campaigns = [
      Campaign(
        id: "C-2026-05", rule: "activity-invitation", project: "P1", buildings: ["B2"],
        from: Day.date("2026-05-01"), to: Day.date("2026-05-20"))
    ]
    world.visit("V1", "H2", "2026-05-20", channel: .wechat)
    let plan = world.plan(year: 2026, at: "2026-04-20")
    #expect(plan.tasks("H1", "activity-invitation").isEmpty)
    #expect(
      plan.summary("H2", "activity-invitation") == [
        "H2/activity-invitation/C-2026-05/1 2026-05-01..2026-05-20 2026-05 planned"
      ])
    #expect(world.plan(year: 2026, at: "2026-05-21").tasks("H2", "activity-invitation").first?.state == .done)
  }
}
