import Foundation

extension Planner {
  /// A plan rebuilt from stored tasks (the daemon's restart), ready to be `previous` or to be re-planned
  /// incrementally: tasks are indexed by project and household, and the monthly loads of split quotas recounted.
  public func restore(_ tasks: [VisitTask], facts: Facts, at clock: Date) -> Plan {
    let ruleIndex = Dictionary(
      frame.rules.filter(\.splitsMonthly).map { ($0.rule.id, $0.index) },
      uniquingKeysWith: { first, _ in first })
    var projects: [String: ProjectPlan] = [:]
    for task in tasks {
      var plan = projects[task.project] ?? ProjectPlan(tasks: [:], households: [], ledger: SplitLedger())
      projects[task.project] = nil
      plan.tasks[task.household, default: []].append(task)
      if task.state != .cancelled, let period = task.period, let index = ruleIndex[task.rule] {
        let key = SplitGroupKey(
          steward: task.assignee, ruleIndex: index, firstMonth: period.first.index,
          months: period.period.months)
        let building = facts.households[task.household]?.building ?? ""
        plan.ledger.add(key, offset: task.plannedMonth.index - key.firstMonth, building: building)
      }
      projects[task.project] = plan
    }
    for project in Array(projects.keys) {
      let households = projects[project]?.tasks.keys.sorted() ?? []
      projects[project]?.households = households
    }
    return Plan(from: from, to: to, clock: clock, projects: projects)
  }
}
