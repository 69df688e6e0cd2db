import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("monthly split")
struct SplitTests {
  static func vacant(_ world: inout World, _ id: String, building: String, since: String = "2025-01-01") {
    world.household(id, building: building, states: [(.vacant, since)], grades: [(.a, since)])
  }

  static func months(_ plan: Plan, _ ids: [String], period: String = "2026-Q1") -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: ids.map {
        ($0, plan.task(id: "\($0)/vacant-quarterly/\(period)/1")!.plannedMonth.description)
      })
  }

  @Test func wholeBuildingsRotateThroughTheQuarter() {
    var world = World()
    var ids: [String] = []
    for building in ["B1", "B2", "B3"] {
      for room in 1...4 {
        ids.append("\(building)-\(room)")
        SplitTests.vacant(&world, "\(building)-\(room)", building: building)
      }
    }
    let months = SplitTests.months(world.plan(year: 2026, at: "2025-12-31"), ids)
    #expect(Set(ids.filter { $0.hasPrefix("B1") }.map { months[$0]! }) == ["2026-01"])
    #expect(Set(ids.filter { $0.hasPrefix("B2") }.map { months[$0]! }) == ["2026-02"])
    #expect(Set(ids.filter { $0.hasPrefix("B3") }.map { months[$0]! }) == ["2026-03"])
  }

  /// 2026's shares of 120 by working days run from 9 (February) to 11 (March): buildings of 10 still go whole.
  @Test func buildingsThatFitAMonthAreNeverCut() {
    var world = World()
    var ids: [String] = []
    for building in 1...12 {
      for room in 1...10 {
        ids.append("B\(building)-\(room)")
        world.household("B\(building)-\(room)", building: "B\(building)", states: [(.occupied, "2025-01-01")])
      }
    }
    let plan = world.plan(year: 2026, at: "2025-12-31")
    let months = Dictionary(
      uniqueKeysWithValues: ids.map { ($0, plan.task(id: "\($0)/occupied-annual/2026/1")!.plannedMonth) })
    for building in 1...12 {
      let own = Set(ids.filter { $0.hasPrefix("B\(building)-") }.map { months[$0]! })
      #expect(own.count == 1, "building B\(building) is planned in \(own.sorted())")
    }
    let loads = Dictionary(grouping: ids, by: { months[$0]! }).mapValues(\.count)
    #expect(loads.count == 12 && loads.values.allSatisfy { $0 == 10 })
  }

  @Test func aBuildingLargerThanAMonthsShareFillsMonthsInTurn() {
    var world = World()
    let ids = (1...9).map { "B1-\($0)" }
    for id in ids { SplitTests.vacant(&world, id, building: "B1") }
    let months = SplitTests.months(world.plan(year: 2026, at: "2025-12-31"), ids)
    let loads = Dictionary(grouping: ids, by: { months[$0]! }).mapValues(\.count)
    #expect(loads == ["2026-01": 3, "2026-02": 3, "2026-03": 3])
  }

  @Test func holidaysShrinkAMonthsShare() {
    // Feb 2026 loses 10 of its 20 working days: shares of 20 become 8/4/8 instead of 7/6/7.
    let off = Set(
      (9...20).compactMap { LocalDate(year: 2026, month: 2, day: $0) }.filter { $0.isoWeekday <= 5 })
    var world = World()
    let ids = (1...20).map { "H\($0 + 10)" }
    for (index, id) in ids.enumerated() { SplitTests.vacant(&world, id, building: "B\(index + 10)") }
    let count = { (rules: RuleSet) -> [Int] in
      let months = SplitTests.months(world.plan(year: 2026, at: "2025-12-31", rules: rules), ids)
      return ["2026-01", "2026-02", "2026-03"].map { month in ids.filter { months[$0] == month }.count }
    }
    #expect(count(ShippedPolicy.ruleSet()) == [7, 6, 7])
    #expect(count(ShippedPolicy.ruleSet(holidays: HolidayCalendar(offDays: off))) == [8, 4, 8])
  }

  @Test func aNewcomerJoinsItsBuildingsMonthAndNobodyMoves() {
    var world = World()
    for room in 1...3 { SplitTests.vacant(&world, "B1-\(room)", building: "B1") }
    for room in 1...3 { SplitTests.vacant(&world, "B2-\(room)", building: "B2") }
    let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)
    var plan = planner.plan(world.facts, at: Day.at("2025-12-31"))
    let before = SplitTests.months(plan, ["B1-1", "B1-2", "B1-3", "B2-1", "B2-2", "B2-3"])
    SplitTests.vacant(&world, "B2-4", building: "B2", since: "2026-01-10")
    var facts = world.facts
    let concerned = facts.upsert(world.households.last!)
    let changes = planner.replan(households: concerned, in: facts, at: Day.at("2026-01-10", 12), plan: &plan)
    #expect(changes.map(\.kind) == Array(repeating: .created, count: 4))
    #expect(plan.task(id: "B2-4/vacant-quarterly/2026-Q1/1")?.plannedMonth.description == before["B2-1"])
    #expect(SplitTests.months(plan, Array(before.keys)) == before)
  }

  @Test func newcomersAreNeverPlannedInAPastMonth() {
    var world = World()
    for room in 1...6 { SplitTests.vacant(&world, "B1-\(room)", building: "B\(room)", since: "2026-02-20") }
    let plan = world.plan(year: 2026, at: "2026-02-20")
    let months = SplitTests.months(plan, (1...6).map { "B1-\($0)" })
    #expect(Set(months.values).isSubset(of: ["2026-02", "2026-03"]))
  }
}
