import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Spreadsheets
import Store

/// `visitctl plan --month YYYY-MM`: the visit plan (访谈计划表) per steward and building.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract: "Print the month's visit plan (访谈计划表): per steward, per building, who and why.")

  @Option(help: "The month, YYYY-MM.")
  var month: String

  @Option(help: "Only this steward's plan.")
  var steward: String?

  @Option(help: "Only this project's stewards.")
  var project: String?

  @OptionGroup var options: ReadOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  @Option(
    help: ArgumentHelp(
      "Write an Excel workbook (.xlsx), a sheet per steward, to FILE instead of printing.", valueName: "file")
  )
  var xlsx: String?

  func validate() throws {
    guard !(json && xlsx != nil) else { throw ValidationError("--json and --xlsx exclude each other") }
  }

  func run() throws {
    let month = try DateArguments.month(month)
    let filter = TaskFilter(project: project, steward: steward)
    let scope: TaskScope = steward.map { .steward($0, month: month) } ?? filter.scope
    let current = try options.currentPlan(year: month.year, scope: scope)
    let tasks = filter.tasks(in: current.plan).filter { $0.plannedMonth == month && $0.state != .cancelled }
    let sheets = MonthSheet.sheets(tasks, month: month, current: current, contacts: options.contacts)
    if let xlsx {
      try Workbook.write(sheets.map(\.sheet), to: xlsx)
    } else if json {
      print(try JSONText.encode(sheets))
    } else {
      print(sheets.isEmpty ? "no visits planned in \(month)" : sheets.map(\.text).joined(separator: "\n\n"))
      if let note = HolidayStatus.note(current.rules.holidays, year: month.year) { print("\n" + note) }
    }
  }
}

extension MonthSheet {
  /// The sheet as a worksheet: one row per visit owed, building by building.
  var sheet: SheetTable {
    var rows: [[String]] = []
    for building in buildings {
      for household in building.households {
        for visit in household.visits {
          rows.append([
            building.project, building.building, household.household, household.room, household.owner,
            household.phone, visit.task, visit.state, visit.why,
          ])
        }
      }
    }
    return SheetTable(
      name: "\(steward) \(name)",
      headers: ["project", "building", "household", "room", "owner", "phone", "task", "state", "why"],
      rows: rows)
  }

  /// The sheet as text.
  var text: String {
    let households = buildings.reduce(0) { $0 + $1.households.count }
    let visits = buildings.reduce(0) { $0 + $1.households.reduce(0) { $0 + $1.visits.count } }
    var lines = [
      "访谈计划表 \(month) — \(steward) \(name): \(households) household(s), \(visits) visit(s) owed"
    ]
    for building in buildings { lines += building.lines }
    return lines.joined(separator: "\n")
  }
}

extension BuildingPlan {
  /// The building's households as indented lines.
  var lines: [String] {
    var table = TextTable(headers: ["household", "room", "owner", "phone", "state", "why"])
    for household in households {
      for (index, visit) in household.visits.enumerated() {
        table.append(
          index == 0
            ? [household.household, household.room, household.owner, household.phone, visit.state, visit.why]
            : ["", "", "", "", visit.state, visit.why])
      }
    }
    let name = building.isEmpty ? "(no building)" : building
    return ["", "  \(project) \(name): \(households.count) household(s)"]
      + table.text.split(separator: "\n").map { "    " + $0 }
  }
}
