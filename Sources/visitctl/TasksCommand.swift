import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Spreadsheets
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

  @Option(
    help: ArgumentHelp("Write an Excel workbook (.xlsx) to FILE instead of printing.", valueName: "file"))
  var xlsx: String?

  func validate() throws {
    guard !(json && xlsx != nil) else { throw ValidationError("--json and --xlsx exclude each other") }
  }

  func run() throws {
    let filter = try TaskFilter.parsing(
      project: project, steward: steward, state: state, dueBefore: dueBefore, month: month)
    let current = try options.currentPlan(scope: filter.scope)
    let listed = filter.tasks(in: current.plan)
    let rows = listed.map {
      TaskListing($0, household: current.facts.households[$0.household], options.contacts)
    }
    if let xlsx {
      let table = TaskListing.table(rows)
      try Workbook.write([SheetTable(name: "tasks", headers: table.headers, rows: table.rows)], to: xlsx)
    } else if json {
      print(try JSONText.encode(rows))
    } else {
      TableOutput.printText([TaskListing.table(rows)])
    }
  }
}

extension TaskFilter {
  /// A filter from the command-line texts; throws naming the option on a bad state, day or month.
  static func parsing(project: String?, steward: String?, state: String?, dueBefore: String?, month: String?)
    throws -> TaskFilter
  {
    let parsedState = try state.map { text in
      guard let state = TaskState(rawValue: text) else {
        let names = TaskState.allCases.map(\.rawValue).joined(separator: ", ")
        throw ValidationError("--state '\(text)' is not a task state; expected one of \(names)")
      }
      return state
    }
    return TaskFilter(
      project: project, steward: steward, state: parsedState,
      dueBefore: try dueBefore.map { try DateArguments.day($0, option: "--due-before") },
      month: try month.map { try DateArguments.month($0) })
  }
}

extension TaskListing {
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
