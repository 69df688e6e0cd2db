import CalendarSpec
import Foundation
import Policy

/// Plans every household of one project, or some of them against the project's existing plan.
struct ProjectPlanner {
  let context: PlanContext
  let facts: Facts
  let project: String
  private let zone: ZoneDays

  /// A planner of `project` in one planning run.
  init(context: PlanContext, facts: Facts, project: String) {
    self.context = context
    self.facts = facts
    self.project = project
    zone = ZoneDays(facts.projects[project]?.timeZone(fallback: context.defaultZone) ?? context.defaultZone)
  }

  /// The project's plan from scratch, keeping the planned months of `previous`.
  func plan(previous: ProjectPlan?) -> ProjectPlan {
    let positions = facts.positions(inProject: project)
    var plan = ProjectPlan(tasks: [:], households: [], ledger: SplitLedger())
    plan.tasks.reserveCapacity(positions.count)
    let members = positions.map { (code: facts.households.household(at: $0).id, position: Optional($0)) }
    plan.households = replan(members, previous: previous?.tasks ?? [:], into: &plan, indexing: false)
    return plan
  }

  /// Plans `households` again in `plan`; their previous tasks (for planned months) come from `previous`.
  /// Returns the households planned (those known at the clock), in the given order.
  @discardableResult
  func replan(_ households: [String], previous: [String: [VisitTask]], into plan: inout ProjectPlan)
    -> [String]
  {
    let members = households.map { (code: $0, position: facts.households.position(of: $0)) }
    return replan(members, previous: previous, into: &plan, indexing: true)
  }

  /// Plans `members` (codes with their positions in the facts, nil when unknown) again in `plan`.
  private func replan(
    _ members: [(code: String, position: Int?)], previous: [String: [VisitTask]],
    into plan: inout ProjectPlan,
    indexing: Bool
  ) -> [String] {
    let campaigns = facts.campaigns.filter { $0.project == project }
    var drafts: [[TaskDraft]] = []
    var codes: [String] = []
    drafts.reserveCapacity(members.count)
    codes.reserveCapacity(members.count)
    var areas = AreaCache()
    let reasons = CancellationReasons()
    let rules = context.rules.map(RuleEntry.init(privateCopyOf:))
    for (code, position) in members {
      if !plan.tasks.isEmpty { for task in plan.tasks[code] ?? [] { forget(task, in: &plan.ledger) } }
      guard let position,
        let known = KnownHousehold(at: position, facts: facts, clock: context.clock, areas: &areas)
      else {
        plan.tasks[code] = nil
        continue
      }
      let planner = HouseholdPlanner(
        context: context, zone: zone, known: known, campaigns: campaigns, reasons: reasons, rules: rules)
      drafts.append(planner.drafts())
      codes.append(code)
    }
    split(&drafts, codes: codes, previous: previous, ledger: &plan.ledger)
    for (code, list) in zip(codes, drafts) { plan.tasks[code] = list.map(\.task) }
    if indexing { for (code, _) in members { plan.index(code) } }
    return codes
  }

  private func split(
    _ drafts: inout [[TaskDraft]], codes: [String], previous: [String: [VisitTask]], ledger: inout SplitLedger
  ) {
    var splitter = MonthSplitter(context: context, clockMonth: YearMonth(zone.date(context.clock)))
    var newcomers: [MonthSplitter.Newcomer] = []
    for household in drafts.indices {
      let old = previous.isEmpty ? [] : previous[codes[household]] ?? []
      for index in drafts[household].indices where drafts[household][index].needsSplit {
        guard let period = drafts[household][index].task.period else { continue }
        let key = SplitGroupKey(
          steward: drafts[household][index].task.assignee, ruleIndex: drafts[household][index].ruleIndex,
          firstMonth: period.first.index, months: period.period.months)
        let kept = keptMonth(drafts[household][index], old: old, period: period)
        if drafts[household][index].task.state == .cancelled {
          let month = kept ?? YearMonth(drafts[household][index].task.opens)
          drafts[household][index].task.monthIndex = Int32(month.index)
        } else if let month = kept {
          drafts[household][index].task.monthIndex = Int32(month.index)
          ledger.add(key, offset: month.index - key.firstMonth, building: drafts[household][index].building)
        } else {
          newcomers.append(
            splitter.newcomer(
              household: household, draft: index, key: key, building: drafts[household][index].building,
              opens: YearMonth(drafts[household][index].task.opens)))
        }
      }
    }
    splitter.place(newcomers, drafts: &drafts, ledger: &ledger)
  }

  /// The month a split task keeps: its previous planned month, else the month of the visit that did it.
  ///
  /// A task not yet visited moves when its month lost every working day, or when official holidays replaced
  /// the provisional ones its month was split by and that month has not begun (`PlanContext.keepsUnvisited`).
  private func keptMonth(_ draft: borrowing TaskDraft, old: [VisitTask], period: PeriodKey) -> YearMonth? {
    let window = YearMonth(draft.task.opens)...period.last
    var visited: YearMonth?
    if case .visit(_, let at, _) = draft.task.settlement { visited = YearMonth(zone.date(at)) }
    if let previous = old.first(where: { $0.sameIdentity(as: draft.task) }),
      window.contains(previous.plannedMonth),
      visited != nil
        || context.keepsUnvisited(previous.plannedMonth, clockMonth: YearMonth(zone.date(context.clock)))
    {
      return previous.plannedMonth
    }
    return visited.flatMap { window.contains($0) ? $0 : nil }
  }

  /// Takes a task's month out of the ledger; cancelled tasks were never counted in it.
  private func forget(_ task: VisitTask, in ledger: inout SplitLedger) {
    guard task.state != .cancelled, let period = task.period,
      let index = context.rules.firstIndex(where: { $0.rule.id == task.rule }),
      context.rules[index].splitsMonthly
    else { return }
    let key = SplitGroupKey(
      steward: task.assignee, ruleIndex: index, firstMonth: period.first.index, months: period.period.months)
    ledger.remove(key, offset: task.plannedMonth.index - key.firstMonth)
  }
}
