import CalendarSpec
import Planner

/// Which tasks a listing shows.
public struct TaskFilter: Sendable {
  /// Only this project's tasks.
  public let project: String?
  /// Only the tasks assigned to this steward.
  public let steward: String?
  /// Only tasks in this state.
  public let state: TaskState?
  /// Only tasks due on or before this day.
  public let dueBefore: LocalDate?
  /// Only tasks planned in this month.
  public let month: YearMonth?

  /// Tasks of `project`, assigned to `steward`, in `state`, due by `dueBefore`, planned in `month`: each nil
  /// for any.
  public init(
    project: String? = nil, steward: String? = nil, state: TaskState? = nil, dueBefore: LocalDate? = nil,
    month: YearMonth? = nil
  ) {
    self.project = project
    self.steward = steward
    self.state = state
    self.dueBefore = dueBefore
    self.month = month
  }

  /// The stored tasks the filter needs read: one steward's or one project's when it names them.
  public var scope: TaskScope {
    if let steward { return .steward(steward, month: month) }
    if let project { return .project(project) }
    return .all
  }

  /// The matching tasks of `plan`, by project, household and precedence.
  public func tasks(in plan: Plan) -> [VisitTask] {
    let pool = project.map { plan.tasks(inProject: $0) } ?? plan.allTasks
    return pool.filter(matches)
  }

  /// Whether a task passes every filter given.
  public func matches(_ task: VisitTask) -> Bool {
    if let steward, task.assignee != steward { return false }
    if let state, task.state != state { return false }
    if let month, task.plannedMonth != month { return false }
    if let dueBefore {
      guard let due = task.due, due <= dueBefore else { return false }
    }
    return true
  }
}
