import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Store

/// `visitctl tasks`: the tasks owed, filtered by project, steward, state, due date or planned month.
struct TasksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "tasks", abstract: "List tasks: what each household is owed, its window, month and state.")

  @Option(help: "Only this project's tasks.")
  var project: String?

  @Option(help: "Only the tasks assigned to this steward.")
  var steward: String?

  @Option(help: "Only tasks in this state: planned, open, done, late, overdue, waived or cancelled.")
  var state: String?

  @Option(help: "Only tasks due on or before this day, YYYY-MM-DD.")
  var dueBefore: String?

  @Option(help: "Only tasks planned in this month, YYYY-MM.")
  var month: String?

  @OptionGroup var options: ReadOptions

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let filter = try TaskFilter(
      project: project, steward: steward, state: state, dueBefore: dueBefore, month: month)
    let current = try options.currentPlan(scope: filter.scope)
    let listed = filter.tasks(in: current.plan)
    let rows = listed.map {
      TaskListing($0, household: current.facts.households[$0.household], options.contacts)
    }
    if json {
      print(try JSONText.encode(rows))
    } else {
      TableOutput.printText([TaskListing.table(rows)])
    }
  }
}

/// Which tasks a listing shows.
struct TaskFilter {
  let project: String?
  let steward: String?
  let state: TaskState?
  let dueBefore: LocalDate?
  let month: YearMonth?

  /// A filter from the command-line texts; throws on a bad state, day or month.
  init(project: String?, steward: String?, state: String?, dueBefore: String?, month: String?) throws {
    self.project = project
    self.steward = steward
    self.state = try state.map { text in
      guard let state = TaskState(rawValue: text) else {
        let names = TaskState.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("--state '\(text)' is not a task state; expected one of \(names)")
      }
      return state
    }
    self.dueBefore = try dueBefore.map { try DateArguments.day($0, option: "--due-before") }
    self.month = try month.map { try DateArguments.month($0) }
  }

  /// The stored tasks the filter needs read: one steward's or one project's when it names them.
  var scope: TaskScope {
    if let steward { return .steward(steward, month: month) }
    if let project { return .project(project) }
    return .all
  }

  /// The matching tasks of `plan`, by project, household and precedence.
  func tasks(in plan: Plan) -> [VisitTask] {
    let pool = project.map { plan.tasks(inProject: $0) } ?? plan.allTasks
    return pool.filter(matches)
  }

  /// Whether a task passes every filter given.
  func matches(_ task: VisitTask) -> Bool {
    if let steward, task.assignee != steward { return false }
    if let state, task.state != state { return false }
    if let month, task.plannedMonth != month { return false }
    if let dueBefore {
      guard let due = task.due, due <= dueBefore else { return false }
    }
    return true
  }
}

/// One task as listings show it: the task with its household's place and masked owner.
struct TaskListing: Encodable {
  /// The task.
  let task: VisitTask
  /// The building (楼栋).
  let building: String
  /// The unit and room, e.g. `1-101`.
  let room: String
  /// The owner's name as shown (masked unless --show-contact).
  let owner: String
  /// The owner's phone as shown (masked unless --show-contact).
  let phone: String

  init(_ task: VisitTask, household: Household?, _ contacts: ContactStyle) {
    self.task = task
    building = household?.building ?? ""
    room = [household?.unit ?? "", household?.room ?? ""].filter { !$0.isEmpty }.joined(separator: "-")
    owner = household.map { contacts.name($0.owner) } ?? ""
    phone = household.map { contacts.phone($0.owner) } ?? ""
  }

  /// The rows as a table.
  static func table(_ rows: [TaskListing]) -> TextTable {
    var table = TextTable(
      headers: [
        "task", "owner", "phone", "building", "room", "window", "month", "assignee", "state", "settled by",
      ])
    for row in rows {
      let task = row.task
      table.append([
        task.id, row.owner, row.phone, row.building, row.room, TaskText.window(task),
        task.plannedMonth.description, task.assignee, task.state.rawValue, TaskText.settlement(task),
      ])
    }
    return table
  }
}
