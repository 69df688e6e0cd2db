import CalendarSpec
import Foundation
import Policy

/// The pure planning engine: rules and facts in, the tasks every household is owed out.
///
/// Deterministic: the same rules, facts, horizon, clock and previous plan give the same plan. Facts dated
/// after the clock are ignored (so a simulation can hand it a whole year of facts day by day); campaigns are
/// the exception, being announced ahead.
public struct Planner: Sendable {
  /// The rule set planned against.
  public let rules: RuleSet
  /// The horizon's first day: quota periods and windows overlapping [from, to] are planned.
  public let from: LocalDate
  /// The horizon's last day.
  public let to: LocalDate
  /// How many threads a whole plan may use, this one included (the machine's cores by default); the
  /// caller decides, as a daemon may want its own threads left alone.
  public var threads = ProcessInfo.processInfo.activeProcessorCount
  /// Years whose official holidays came after the previous plan was split by provisional ones: their tasks not
  /// yet visited and planned after the clock's month are split again by the real working days.
  public var resplitYears: Set<Int> = []
  let frame: PlanFrame

  /// A planner of `rules` over the horizon [from, to] (local days of each project's zone).
  public init(rules: RuleSet, from: LocalDate, to: LocalDate) {
    self.rules = rules
    self.from = from
    self.to = to
    frame = PlanFrame(rules: rules, from: from, to: to)
  }

  /// A planner over one calendar year.
  public init(rules: RuleSet, year: Int) {
    self.init(
      rules: rules, from: LocalDate(year: year, month: 1, day: 1)!,
      to: LocalDate(year: year, month: 12, day: 31)!)
  }

  /// Plans every household at `clock`; tasks of `previous` keep their planned months.
  ///
  /// Projects are planned concurrently, on threads of the planner's own (they share nothing).
  public func plan(_ facts: Facts, at clock: Date, previous: Plan? = nil) -> Plan {
    let (projects, results, planProject) = projectPlanning(facts, at: clock, previous: previous) { $1 }
    ParallelLoop.run(projects.count, threads: threads, planProject)
    var plans: [String: ProjectPlan] = [:]
    for (index, project) in projects.enumerated() { plans[project] = results.value(at: index) }
    return Plan(from: from, to: to, clock: clock, projects: plans)
  }

  /// Plans as `plan(_:at:previous:)` does, handing the changes since `previous` (as `Plan.changes(since:)` lists
  /// them) to `changed` one project at a time, on this thread, while threads of the planner's own plan the
  /// projects after it (each also working out its project's changes): a caller that stores them overlaps
  /// storing with planning.
  ///
  /// When `changed` throws, the projects still being planned are finished first, then the error is rethrown.
  public func plan(
    _ facts: Facts, at clock: Date, previous: Plan, changed: ([TaskChange]) throws -> Void
  ) throws -> Plan {
    let (from, to) = (self.from, self.to)
    let (projects, results, planProject) = projectPlanning(facts, at: clock, previous: previous) {
      project, plan in
      (plan, Plan.changes(from: previous, to: plan, of: project, from: from, to: to, at: clock))
    }
    let helpers = ParallelLoop.start(projects.count, threads: max(1, threads - 1), planProject)
    defer { helpers.wait() }
    let positions = Dictionary(uniqueKeysWithValues: projects.enumerated().map { ($1, $0) })
    var plan = Plan(from: from, to: to, clock: clock, projects: [:])
    for project in Plan.projectOrder(projects, previous: previous, from: from, to: to) {
      guard let position = positions[project] else {
        try changed(plan.changes(of: project, since: previous))
        continue
      }
      let (projectPlan, changes) = results.take(at: position)
      plan.projects[project] = projectPlan
      try changed(changes)
    }
    return plan
  }

  /// The projects to plan, the slots their results go to, and the body that plans the project at an index and
  /// stores what `result` makes of its plan.
  private func projectPlanning<Result: Sendable>(
    _ facts: Facts, at clock: Date, previous: Plan?,
    _ result: @escaping @Sendable (String, ProjectPlan) -> Result
  ) -> (projects: [String], results: ResultSlots<Result>, body: @Sendable (Int) -> Void) {
    let context = PlanContext(frame: frame, clock: clock, resplitYears: resplitYears)
    let projects = facts.projectIDs
    let results = ResultSlots<Result>(count: projects.count)
    return (
      projects, results,
      { index in
        let project = projects[index]
        let planner = ProjectPlanner(context: context, facts: facts, project: project)
        results.store(result(project, planner.plan(previous: previous?.projects[project])), at: index)
      }
    )
  }

  /// Re-plans only `households` (the ones a changed fact concerns, see `Facts.upsert`) in `plan` at `clock`,
  /// returning what changed. Other households' tasks are left as they were.
  public func replan(
    households: some Sequence<String>, in facts: Facts, at clock: Date, plan: inout Plan
  ) -> [TaskChange] {
    let context = PlanContext(frame: frame, clock: clock, resplitYears: resplitYears)
    plan.clock = clock
    var byProject: [String: [String]] = [:]
    for code in Set(households) {
      let project = facts.households[code]?.project ?? projectHolding(code, in: plan) ?? ""
      byProject[project, default: []].append(code)
    }
    var changes: [TaskChange] = []
    for project in byProject.keys.sorted() {
      let codes = (byProject[project] ?? []).sorted()
      var old: [String: [VisitTask]] = [:]
      for code in codes { old[code] = plan.projects[project]?.tasks[code] }
      let planner = ProjectPlanner(context: context, facts: facts, project: project)
      if plan.projects[project] == nil {
        plan.projects[project] = ProjectPlan(tasks: [:], households: [], ledger: SplitLedger())
      }
      planner.replan(codes, previous: old, into: &plan.projects[project]!)
      for code in codes {
        changes += Plan.changes(
          from: old[code] ?? [], to: plan.projects[project]?.tasks[code] ?? [], at: clock)
      }
    }
    return changes
  }

  private func projectHolding(_ household: String, in plan: Plan) -> String? {
    plan.projects.first { $0.value.tasks[household] != nil }?.key
  }
}
