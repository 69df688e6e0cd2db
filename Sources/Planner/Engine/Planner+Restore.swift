import CalendarSpec
import Foundation

extension Planner {
  /// A plan rebuilt from stored tasks (the daemon's restart), ready to be `previous` or to be re-planned
  /// incrementally: tasks are indexed by project and household, unsettled ones dated at `clock` in their
  /// project's zone, and the monthly loads of split quotas recounted.
  ///
  /// `facts` needs the projects and, unless `buildings` (household to building) is given, the households.
  public func restore(
    _ tasks: [VisitTask], facts: Facts, buildings: [String: String]? = nil, at clock: Date
  ) -> Plan {
    let ruleIndex = Dictionary(
      frame.rules.filter(\.splitsMonthly).map { ($0.rule.id, $0.index) },
      uniquingKeysWith: { first, _ in first })
    var days: [String: LocalDate] = [:]
    var projects: [String: ProjectPlan] = [:]
    for stored in tasks {
      let today = days[stored.project] ?? projectDay(stored.project, facts: facts, clock: clock)
      days[stored.project] = today
      let task = stored.dated(on: today)
      var plan = projects[task.project] ?? ProjectPlan(tasks: [:], households: [], ledger: SplitLedger())
      projects[task.project] = nil
      plan.tasks[task.household, default: []].append(task)
      if task.state != .cancelled, let period = task.period, let index = ruleIndex[task.rule] {
        let key = SplitGroupKey(
          steward: task.assignee, ruleIndex: index, firstMonth: period.first.index,
          months: period.period.months)
        let building = buildings?[task.household] ?? facts.households[task.household]?.building ?? ""
        plan.ledger.add(key, offset: task.plannedMonth.index - key.firstMonth, building: building)
      }
      projects[task.project] = plan
    }
    let precedence = Dictionary(
      frame.rules.map { ($0.rule.id, $0.index) }, uniquingKeysWith: { first, _ in first })
    for project in Array(projects.keys) {
      guard var plan = projects.removeValue(forKey: project) else { continue }
      plan.households = plan.tasks.keys.sorted()
      for household in plan.households {
        // As planned: by rule precedence, then as stored (by id).
        plan.tasks[household] = plan.tasks[household]?.enumerated().sorted {
          (precedence[$0.element.rule] ?? .max, $0.offset) < (precedence[$1.element.rule] ?? .max, $1.offset)
        }.map(\.element)
      }
      projects[project] = plan
    }
    return Plan(from: from, to: to, clock: clock, projects: projects)
  }

  /// What the clock alone changed in `stored` tasks: each unsettled one dated at `clock` in its project's zone
  /// (planned → open → overdue, or missed once its quota period has ended), as `.updated` changes.
  ///
  /// A store keeps a task's state as it was written; these changes bring it up to the clock, for tasks of any
  /// year: when the year turns, last year's unsettled quota tasks (outside the new horizon, so in no plan of it)
  /// come out missed.
  public func datedChanges(_ stored: [VisitTask], facts: Facts, at clock: Date) -> [TaskChange] {
    var days: [String: LocalDate] = [:]
    var changes: [TaskChange] = []
    for task in stored where !task.state.isSettled {
      let today = days[task.project] ?? projectDay(task.project, facts: facts, clock: clock)
      days[task.project] = today
      let dated = task.dated(on: today)
      if dated.state != task.state { changes.append(TaskChange(kind: .updated, task: dated, previous: task)) }
    }
    return changes
  }

  private func projectDay(_ project: String, facts: Facts, clock: Date) -> LocalDate {
    LocalDate(clock, in: facts.projects[project]?.timeZone(fallback: frame.defaultZone) ?? frame.defaultZone)
  }
}
