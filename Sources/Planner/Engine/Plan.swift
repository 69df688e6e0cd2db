import CalendarSpec
import Foundation

/// The tasks every household is owed over a horizon at a clock, indexed by project and household.
public struct Plan: Sendable {
  /// The horizon's first day.
  public let from: LocalDate
  /// The horizon's last day.
  public let to: LocalDate
  /// The clock the plan was made at.
  public internal(set) var clock: Date
  var projects: [String: ProjectPlan]

  /// The tasks of a household of `project`, in rule precedence order.
  public func tasks(of household: String, inProject project: String) -> [VisitTask] {
    projects[project]?.tasks[household] ?? []
  }

  /// The tasks of a household, searching every project.
  public func tasks(of household: String) -> [VisitTask] {
    for plan in projects.values { if let tasks = plan.tasks[household] { return tasks } }
    return []
  }

  /// Every task, by project, household, then rule precedence.
  public var allTasks: [VisitTask] {
    projects.keys.sorted().flatMap { projects[$0]?.allTasks ?? [] }
  }

  /// The tasks of one project, by household then rule precedence.
  public func tasks(inProject project: String) -> [VisitTask] { projects[project]?.allTasks ?? [] }

  /// The tasks assigned to a steward, by project, household, then rule precedence.
  public func tasks(assignedTo steward: String) -> [VisitTask] { allTasks.filter { $0.assignee == steward } }

  /// The number of tasks.
  public var count: Int { projects.values.reduce(0) { $0 + $1.count } }

  /// The task with an id, if any.
  public func task(id: String) -> VisitTask? {
    let household = String(id.prefix { $0 != "/" })
    return tasks(of: household).first { $0.id == id }
  }

  /// The differences from `previous` to this plan: created, settled, cancelled, reassigned, updated.
  ///
  /// Decision: a task of `previous` that is no longer owed at all (the facts that created it were corrected or
  /// removed) is reported as cancelled; when the horizons differ, tasks missing here are not reported (their
  /// period left the horizon).
  public func changes(since previous: Plan) -> [TaskChange] {
    var changes: [TaskChange] = []
    // A first plan creates every task.
    if previous.projects.isEmpty { changes.reserveCapacity(count) }
    for project in Plan.projectOrder(projects.keys, previous: previous, from: from, to: to) {
      changes += self.changes(of: project, since: previous)
    }
    return changes
  }

  /// The projects whose changes `changes(since:)` lists, in its order: those planned, and those of `previous`
  /// when its horizon is the same.
  static func projectOrder(
    _ planned: some Collection<String>, previous: Plan, from: LocalDate, to: LocalDate
  ) -> [String] {
    let sameHorizon = previous.from == from && previous.to == to
    return Set(planned).union(sameHorizon ? Set(previous.projects.keys) : []).sorted()
  }

  /// The differences from `previous` to this plan within one project.
  func changes(of project: String, since previous: Plan) -> [TaskChange] {
    Plan.changes(from: previous, to: projects[project], of: project, from: from, to: to, at: clock)
  }

  /// The differences within one project from `previous` to `new`, its plan over [from, to] at `clock` (nil when
  /// the project has none).
  static func changes(
    from previous: Plan, to new: ProjectPlan?, of project: String, from: LocalDate, to: LocalDate,
    at clock: Date
  ) -> [TaskChange] {
    guard previous.from == from && previous.to == to, let old = previous.projects[project], !old.tasks.isEmpty
    else {
      guard let new else { return [] }
      var changes: [TaskChange] = []
      changes.reserveCapacity(new.count)
      for household in new.households {
        for task in new.tasks[household] ?? [] {
          changes.append(TaskChange(kind: .created, task: task, previous: nil))
        }
      }
      return changes
    }
    var changes: [TaskChange] = []
    for household in Set(new?.households ?? []).union(old.households).sorted() {
      changes += Plan.changes(from: old.tasks[household] ?? [], to: new?.tasks[household] ?? [], at: clock)
    }
    return changes
  }

  /// The differences between one household's old and new tasks; old tasks no longer owed come out cancelled.
  static func changes(from old: [VisitTask], to new: [VisitTask], at clock: Date) -> [TaskChange] {
    var changes = new.compactMap { task in TaskChange.between(old.first { $0.sameIdentity(as: task) }, task) }
    for task in old where !new.contains(where: { $0.sameIdentity(as: task) }) && task.state != .cancelled {
      var gone = task
      gone.state = .cancelled
      gone.settlement = .cancellation(reason: "no longer owed: the facts that created it changed", at: clock)
      changes.append(TaskChange(kind: .cancelled, task: gone, previous: task))
    }
    return changes
  }
}
