import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("restoring a stored plan")
struct RestoreTests {
  @Test func aRestoredPlanReplansLikeTheOriginal() {
    var world = ReplanTests.world()
    for room in 1...5 {
      world.household(
        "R\(room)", building: "B\(room % 2)", states: [(.vacant, "2025-01-01")], grades: [(.b, "2025-01-01")])
    }
    var facts = world.facts
    let planner = ReplanTests.planner
    var original = planner.plan(facts, at: Day.at("2026-01-02"))
    var restored = planner.restore(original.allTasks, facts: facts, at: original.clock)
    #expect(restored.allTasks == original.allTasks)
    world.household("R6", building: "B1", states: [(.vacant, "2026-01-03")], grades: [(.b, "2026-01-03")])
    let concerned = facts.upsert(world.households.last!)
    let clock = Day.at("2026-01-03", 12)
    let fromOriginal = planner.replan(households: concerned, in: facts, at: clock, plan: &original)
    let fromRestored = planner.replan(households: concerned, in: facts, at: clock, plan: &restored)
    #expect(fromOriginal == fromRestored)
    #expect(restored.allTasks == original.allTasks)
  }
}
