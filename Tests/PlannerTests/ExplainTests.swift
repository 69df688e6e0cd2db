import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("explain")
struct ExplainTests {
  @Test func explainsSelectorsAnchorsWindowsMonthsAndSettlements() throws {
    var world = World()
    world.household(
      "H1", states: [(.occupied, "2026-01-31")], grades: [(.b, "2025-01-01")],
      events: [(.movedIn, "2026-01-31")])
    world.visit("V1", "H1", "2026-02-10", hour: 14, channel: .inHome)
    let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)
    let plan = planner.plan(world.facts, at: Day.at("2026-02-11"))
    let explanation = try #require(planner.explain(household: "H1", facts: world.facts, plan: plan))
    #expect(explanation.status == "occupied, grade B")
    let welcome = try #require(explanation.rules.first { $0.rule == "move-in-welcome" })
    #expect(welcome.matches)
    #expect(welcome.trigger == "within 1 month after the first of moved-in")
    #expect(welcome.tasks.first?.anchor == "moved-in on 2026-01-31")
    #expect(welcome.tasks.first?.window == "2026-01-31 .. 2026-02-28")
    #expect(welcome.tasks.first?.settledBy == "visit V1")
    let annual = try #require(explanation.rules.first { $0.rule == "occupied-annual" })
    #expect(annual.tasks.first?.settledBy == "visit V1 (outside the visiting window)")
    let vacant = try #require(explanation.rules.first { $0.rule == "vacant-quarterly" })
    #expect(!vacant.matches)
    #expect(vacant.selector == ["✗ state occupied ∈ [\"vacant\"]", "✓ grade B ∈ [\"A\", \"B\"]"])
    #expect(vacant.note == "the selector does not match")
    let only = planner.explain(household: "H1", rule: "occupied-annual", facts: world.facts, plan: plan)
    #expect(only?.rules.map(\.rule) == ["occupied-annual"])
  }
}
