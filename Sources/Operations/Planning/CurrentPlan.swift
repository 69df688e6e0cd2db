import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// Which stored tasks a read command needs.
public enum TaskScope: Sendable {
  /// Every task.
  case all
  /// One steward's tasks, of one planned month when given.
  case steward(String, month: YearMonth?)
  /// One project's tasks.
  case project(String)
  /// One household's tasks.
  case household(String)
}

/// What a read command works on: the rules, the facts, and the plan of a year (the clock's by default).
public struct CurrentPlan: Sendable {
  /// The rules in force.
  public let rules: RuleSet
  /// The facts the listing needs: every fact, or with a narrower scope the households of its tasks.
  public let facts: Facts
  /// The planner of the year planned.
  public let planner: Planner
  /// The stored tasks of the scope, dated at the clock; re-planned first when they were stale.
  public let plan: Plan
  /// Each project's zone, made once (a report asks for one per visit).
  private let zones: [String: TimeZone]

  init(rules: RuleSet, facts: Facts, planner: Planner, plan: Plan) {
    self.rules = rules
    self.facts = facts
    self.planner = planner
    self.plan = plan
    zones = facts.projects.mapValues { $0.timeZone(fallback: rules.settings.timeZone) }
  }

  /// The plan of `year` (the clock's by default) at `clock`.
  ///
  /// When the stored tasks are the plan of the stored facts (or with `refresh` false), they are read as
  /// stored, only the `scope`'s, and dated at the clock. Otherwise everything is planned again keeping planned
  /// months and, when `persist` and the year is the clock's, what changed is stored (as the daemon does); a
  /// read-only store plans in memory.
  /// Without `withTasks` only the facts are read.
  public static func load(
    store: any FactStore, rules: RuleSet, at clock: Date, year: Int? = nil, refresh: Bool,
    persist: Bool = true,
    withTasks: Bool = true, scope: TaskScope = .all
  ) throws -> CurrentPlan {
    let planning = StoredPlanning(rules: rules, clock: clock, year: year)
    let planner = planning.planner
    guard withTasks else {
      let facts = try store.loadFacts()
      return CurrentPlan(
        rules: rules, facts: facts, planner: planner, plan: planner.restore([], facts: facts, at: clock))
    }
    let current = try persist && planning.isCurrent(store.planStamp())
    let stale = refresh && !current
    guard stale else {
      return try store.read { reader in
        let tasks = try scope.tasks(reader).filter(planner.overlaps)
        let facts = try scope.facts(reader, tasks: tasks)
        return CurrentPlan(
          rules: rules, facts: facts, planner: planner, plan: planner.restore(tasks, facts: facts, at: clock))
      }
    }
    let clockYear = LocalDate(clock, in: rules.settings.timeZone).year
    let whole: StoredPlanning.Whole
    if persist && !store.isReadOnly && planner.from.year == clockYear {
      var planned: StoredPlanning.Whole?
      try store.replan { reader in
        planned = try planning.whole(reader)
        return planned?.update
      }
      guard let planned else { throw OperationError("planning failed") }
      whole = planned
    } else {
      whole = try store.read { try planning.whole($0) }
    }
    return CurrentPlan(rules: rules, facts: whole.facts, planner: planner, plan: whole.plan)
  }

  /// The facts of the households visited from `start` up to `end` (and every project, area and steward), with
  /// no tasks: what the register needs, without reading a million households for a month's visits.
  public static func visited(
    store: any FactStore, rules: RuleSet, from start: Date, until end: Date, at clock: Date
  )
    throws -> CurrentPlan
  {
    let planner = StoredPlanning(rules: rules, clock: clock).planner
    let facts = try store.read { reader in
      try reader.facts(households: reader.householdsVisited(from: start, until: end))
    }
    return CurrentPlan(
      rules: rules, facts: facts, planner: planner, plan: planner.restore([], facts: facts, at: clock))
  }

  /// The zone of a project (the settings' zone when it names none).
  public func zone(ofProject project: String) -> TimeZone {
    zones[project] ?? rules.settings.timeZone
  }
}

extension TaskScope {
  /// The scope's stored tasks.
  func tasks(_ reader: any FactReading) throws -> [VisitTask] {
    switch self {
    case .all: return try reader.tasks(household: nil)
    case .steward(let steward, let month): return try reader.tasks(assignee: steward, month: month)
    case .project(let project): return try reader.tasks(project: project)
    case .household(let household): return try reader.tasks(household: household)
    }
  }

  /// The facts the scope's listing needs: all of them, or the households of `tasks` (and the one asked for).
  func facts(_ reader: any FactReading, tasks: [VisitTask]) throws -> Facts {
    switch self {
    case .all: return try reader.loadFacts()
    case .household(let household): return try reader.facts(households: [household])
    case .steward, .project:
      var seen = Set<String>()
      return try reader.facts(households: tasks.map(\.household).filter { seen.insert($0).inserted })
    }
  }
}
