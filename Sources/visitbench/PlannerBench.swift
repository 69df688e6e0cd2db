import CalendarSpec
import Foundation
import Planner
import Policy

/// The planner benchmark: a full year over the generated households, then single-event re-plans.
struct PlannerBench {
  let options: BenchOptions
  let rules: RuleSet

  func run() {
    let year = 2026
    let zone = rules.settings.timeZone
    var generator = SyntheticFacts(
      households: options.households, projects: options.projects, year: year, zone: zone)
    let (generated, buildTime) = Measure.wall { generator.make() }
    var facts = generated
    print(
      "planner: \(facts.households.count) households over \(facts.projects.count) projects, "
        + "built in \(Measure.duration(buildTime))")
    print(Measure.line("facts resident after building", Measure.bytes(ResourceUsage.residentBytes())))
    print(Measure.line("peak while building the facts", Measure.bytes(ResourceUsage.now().peakBytes)))
    let planner = Planner(rules: rules, year: year)
    let before = ResourceUsage.now()
    let (planned, wall) = Measure.wall { planner.plan(facts, at: generator.clock) }
    let after = ResourceUsage.now()
    let resident = ResourceUsage.residentBytes()
    var plan = planned
    print(Measure.line("tasks planned", "\(plan.count)"))
    print(Measure.line("full year, wall", Measure.duration(wall), target: "≤ 3 s", met: wall <= 3))
    print(Measure.line("full year, CPU (user + system)", Measure.duration(after.cpu - before.cpu)))
    print(
      Measure.line(
        "peak memory (ru_maxrss, whole process)", Measure.bytes(after.peakBytes), target: "≤ 1 GiB",
        met: after.peakBytes <= 1 << 30))
    print(Measure.line("resident after planning (facts + plan)", Measure.bytes(resident)))
    let times = incremental(&facts, plan: &plan, planner: planner, clock: generator.clock)
    let median = Measure.median(times)
    print(
      Measure.line(
        "incremental re-plan, median of \(times.count)", Measure.duration(median), target: "≤ 1 ms",
        met: median <= 0.001))
    print(
      Measure.line("incremental re-plan, 99th percentile", Measure.duration(Measure.quantile(times, 0.99))))
  }

  /// Applies `options.events` single events (a visit, a state change, a grade change) one at a time, timing the
  /// fact update and the re-plan of the household it concerns.
  private func incremental(_ facts: inout Facts, plan: inout Plan, planner: Planner, clock: Date) -> [Double]
  {
    let codes = facts.projectIDs.flatMap { facts.households(inProject: $0) }
    var random = BenchRandom(seed: 7)
    var times: [Double] = []
    times.reserveCapacity(options.events)
    for index in 0..<options.events {
      let code = codes[random.below(codes.count)]
      guard let household = facts.households[code] else { continue }
      let at = clock.addingTimeInterval(Double(index - options.events) * 60)
      let (_, seconds) = Measure.wall {
        let concerned = apply(event: index % 3, to: household, at: at, facts: &facts)
        _ = planner.replan(households: concerned, in: facts, at: clock, plan: &plan)
      }
      times.append(seconds)
    }
    return times
  }

  private func apply(event: Int, to household: Household, at: Date, facts: inout Facts) -> [String] {
    var changed = household
    switch event {
    case 0:
      let steward = facts.areas[household.area]?.steward(at: at) ?? ""
      return facts.add(
        Visit(
          id: "bench-\(at.timeIntervalSince1970)", household: household.id, at: at, channel: .phone,
          steward: steward))
    case 1:
      changed.states.append(Dated(household.states.last?.value == .occupied ? .vacant : .occupied, since: at))
    default:
      changed.grades.append(Dated(household.grades.last?.value == .c ? .a : .c, since: at))
    }
    return facts.upsert(changed)
  }
}
