import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

@Suite("planning properties over generated facts")
struct PlanningPropertyTests {
  static let seeds: [UInt64] = Array(1...12)
  static let planner = Planner(rules: ShippedPolicy.ruleSet(), year: 2026)

  static func world(_ seed: UInt64, changes: Bool = true) -> World {
    var generator = FactsGenerator(seed: seed)
    generator.changes = changes
    return generator.world()
  }

  static func clock(_ seed: UInt64) -> Date {
    Day.at(LocalDate(year: 2026, month: 1, day: 1)!.adding(days: Int(seed * 29 % 365)).description, 20)
  }

  @Test(arguments: seeds) func planningIsIdempotentAndIndependentOfInputOrder(seed: UInt64) {
    let world = Self.world(seed)
    let clock = Self.clock(seed)
    let first = Self.planner.plan(world.facts, at: clock)
    #expect(Self.planner.plan(world.facts, at: clock).allTasks == first.allTasks)
    #expect(Self.planner.plan(world.facts, at: clock, previous: first).allTasks == first.allTasks)
    var shuffled = world
    var random = SplitMix64(seed: seed)
    shuffled.households.shuffle(using: &random)
    shuffled.visits.shuffle(using: &random)
    #expect(Self.planner.plan(shuffled.facts, at: clock).allTasks == first.allTasks)
  }

  @Test(arguments: seeds) func everySteadyMatchingHouseholdGetsExactlyItsQuotaPerPeriod(seed: UInt64) {
    let world = Self.world(seed, changes: false)
    let plan = Self.planner.plan(world.facts, at: Self.clock(seed))
    for household in world.households {
      let state = household.states[0].value
      let grade = household.grades[0].value
      for rule in ShippedPolicy.rules {
        guard case .quota(let quota) = rule.trigger else { continue }
        let tasks = plan.tasks(household.id, rule.id)
        let matches = rule.selector.matches(state: state, grade: grade, project: "P1", tags: [])
        let periods = 12 / quota.each.months
        #expect(tasks.count == (matches ? periods * quota.countPerEach : 0), "\(household.id) \(rule.id)")
      }
    }
  }

  @Test(arguments: seeds) func noTaskLiesOutsideItsPeriodOrWindow(seed: UInt64) {
    let world = Self.world(seed)
    let plan = Self.planner.plan(world.facts, at: Self.clock(seed))
    let visits = Dictionary(uniqueKeysWithValues: world.visits.map { ($0.id, $0) })
    for task in plan.allTasks {
      #expect(YearMonth(task.opens) <= task.plannedMonth)
      if let due = task.due { #expect(task.opens <= due) }
      if case .period(let period) = task.anchor {
        #expect(period.firstDay <= task.opens && task.due == period.lastDay, "\(task.id)")
        #expect(task.plannedMonth <= period.last, "\(task.id)")
      }
      if case .visit(let id, let at, _) = task.settlement {
        let day = LocalDate(at, in: ShippedPolicy.zone)
        #expect(task.opens <= day && day <= (task.graceEnd ?? day), "\(task.id)")
        #expect(visits[id]?.outcome == .reached)
      }
    }
  }

  @Test(arguments: seeds) func monthlyLoadsStayWithinTheLargestBuildingOfTheirShare(seed: UInt64) {
    let world = Self.world(seed, changes: false)
    let plan = Self.planner.plan(world.facts, at: Day.at("2025-12-31", 20))
    let largest = Dictionary(grouping: world.households, by: \.building).values.map(\.count).max() ?? 0
    let groups = Dictionary(grouping: plan.allTasks.filter { $0.rule != "move-in-welcome" }) {
      "\($0.assignee)/\($0.rule)/\($0.anchor)"
    }
    for tasks in groups.values {
      guard case .period(let period) = tasks[0].anchor, tasks.count > 1 else { continue }
      let loads = period.months.map { month in tasks.filter { $0.plannedMonth == month }.count }
      let weights = period.months.map {
        ShippedPolicy.ruleSet().holidays.workingDays(inMonthOf: $0.firstDay).count
      }
      let total = Double(tasks.count)
      let sum = Double(weights.reduce(0, +))
      let deviations = zip(loads, weights).map { Double($0) - total * Double($1) / sum }
      #expect((deviations.max()! - deviations.min()!) <= Double(largest) + 1, "\(tasks[0].id) \(loads)")
    }
  }

  @Test(arguments: seeds) func aPlannedMonthNeverChangesOnReplanning(seed: UInt64) {
    var world = Self.world(seed)
    let early = Self.planner.plan(world.facts, at: Day.at("2026-01-05"))
    var generator = FactsGenerator(seed: seed &+ 99)
    let more = generator.world()
    world.visits += more.visits.filter { world.households.map(\.id).contains($0.household) }
    let later = Self.planner.plan(world.facts, at: Self.clock(seed), previous: early)
    var incremental = early
    let changes = Self.planner.replan(
      households: world.households.map(\.id), in: world.facts, at: Self.clock(seed), plan: &incremental)
    for task in later.allTasks + incremental.allTasks {
      if let before = early.task(id: task.id) {
        #expect(before.plannedMonth == task.plannedMonth, "\(task.id)")
      }
    }
    #expect(changes.allSatisfy { $0.previous == nil || $0.previous!.plannedMonth == $0.task.plannedMonth })
  }

  @Test(arguments: seeds) func planningProjectByProjectHandsOverTheChangesAPlanHas(seed: UInt64) throws {
    var world = Self.world(seed)
    let early = Self.planner.plan(world.facts, at: Day.at("2026-01-05"))
    let clock = Self.clock(seed)
    world.visits.append(
      Visit(
        id: "NEW", household: world.households[0].id, at: clock.addingTimeInterval(-86_400), channel: .inHome,
        kind: .deep, steward: "S1"))
    let empty = Self.planner.plan(Facts(projects: [], areas: [], households: []), at: clock)
    for previous in [early, empty] {
      var handed: [[TaskChange]] = []
      let plan = try Self.planner.plan(world.facts, at: clock, previous: previous) { handed.append($0) }
      #expect(plan.allTasks == Self.planner.plan(world.facts, at: clock, previous: previous).allTasks)
      #expect(handed.flatMap { $0 } == plan.changes(since: previous))
      #expect(handed.count == 1, "one project")
    }
  }

  @Test func aFailureOfTheReceiverEndsPlanningProjectByProjectWithItsError() {
    struct Refused: Error {}
    let world = Self.world(1)
    #expect(throws: Refused.self) {
      _ = try Self.planner.plan(
        world.facts, at: Self.clock(1),
        previous: Self.planner.plan(Facts(projects: [], areas: [], households: []), at: Self.clock(1))
      ) { _ in
        throw Refused()
      }
    }
  }

  @Test(arguments: seeds) func incrementalReplanningAgreesWithAFullReplan(seed: UInt64) {
    let world = Self.world(seed)
    var facts = world.facts
    var plan = Self.planner.plan(facts, at: Day.at("2026-03-01"))
    let household = world.households[Int(seed) % world.households.count].id
    let visit = Visit(
      id: "NEW", household: household, at: Day.at("2026-03-02", 18), channel: .inHome, kind: .deep,
      steward: "S1")
    let concerned = facts.add(visit)
    let clock = Day.at("2026-03-03")
    _ = Self.planner.replan(households: concerned, in: facts, at: Day.at("2026-03-03"), plan: &plan)
    let full = Self.planner.plan(facts, at: clock, previous: plan)
    #expect(plan.tasks(of: household) == full.tasks(of: household))
  }
}
