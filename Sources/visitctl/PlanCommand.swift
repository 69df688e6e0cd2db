import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
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

  func run() throws {
    let month = try DateArguments.month(month)
    let filter = try TaskFilter(project: project, steward: steward, state: nil, dueBefore: nil, month: nil)
    let scope: TaskScope = steward.map { .steward($0, month: month) } ?? filter.scope
    let current = try options.currentPlan(year: month.year, scope: scope)
    let tasks = filter.tasks(in: current.plan).filter { $0.plannedMonth == month && $0.state != .cancelled }
    let sheets = MonthSheet.sheets(tasks, month: month, current: current, contacts: options.contacts)
    if json {
      print(try JSONText.encode(sheets))
    } else {
      print(sheets.isEmpty ? "no visits planned in \(month)" : sheets.map(\.text).joined(separator: "\n\n"))
    }
  }
}

/// One steward's plan for a month: buildings, and in each the households to visit with the reasons.
struct MonthSheet: Encodable {
  /// The month.
  let month: YearMonth
  /// The steward's id.
  let steward: String
  /// The steward's name.
  let name: String
  /// The buildings, by project then name.
  let buildings: [BuildingPlan]

  /// The sheets of every steward holding tasks in `tasks`, by steward id.
  static func sheets(_ tasks: [VisitTask], month: YearMonth, current: CurrentPlan, contacts: ContactStyle)
    -> [MonthSheet]
  {
    Dictionary(grouping: tasks, by: \.assignee).sorted { $0.key < $1.key }.map { steward, mine in
      let byBuilding = Dictionary(grouping: mine) { task in
        let household = current.facts.households[task.household]
        return "\(task.project)\u{1F}\(household?.building ?? "")"
      }
      let buildings = byBuilding.keys.sorted().map { key in
        BuildingPlan(key: key, tasks: byBuilding[key] ?? [], current: current, contacts: contacts)
      }
      return MonthSheet(
        month: month, steward: steward, name: current.facts.stewards[steward]?.name ?? "",
        buildings: buildings)
    }
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

/// The households of one building planned in the month.
struct BuildingPlan: Encodable {
  /// The project.
  let project: String
  /// The building.
  let building: String
  /// The households, by code.
  let households: [HouseholdPlan]

  init(key: String, tasks: [VisitTask], current: CurrentPlan, contacts: ContactStyle) {
    let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    project = parts[0]
    building = parts.count > 1 ? parts[1] : ""
    households = Dictionary(grouping: tasks, by: \.household).sorted { $0.key < $1.key }.map {
      HouseholdPlan(code: $0.key, tasks: $0.value, current: current, contacts: contacts)
    }
  }

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

/// One household of the plan and the visits it is owed this month.
struct HouseholdPlan: Encodable {
  /// The household code.
  let household: String
  /// Unit and room.
  let room: String
  /// The owner as shown.
  let owner: String
  /// The phone as shown.
  let phone: String
  /// The visits owed, in rule precedence order.
  let visits: [PlannedVisit]

  init(code: String, tasks: [VisitTask], current: CurrentPlan, contacts: ContactStyle) {
    let household = current.facts.households[code]
    let listing = TaskListing(tasks[0], household: household, contacts)
    self.household = code
    room = listing.room
    owner = listing.owner
    phone = listing.phone
    visits = tasks.map { PlannedVisit($0, rule: current.rules.rule($0.rule)) }
  }
}

/// A visit owed in the month and why.
struct PlannedVisit: Encodable {
  /// The task id.
  let task: String
  /// The task's state.
  let state: String
  /// The rule, what it is owed for, the kind and channels, and the window.
  let why: String

  init(_ task: VisitTask, rule: Rule?) {
    self.task = task.id
    state = task.state.rawValue
    let what = rule.map { "\($0.title) (\($0.id), \($0.kind.rawValue))" } ?? task.rule
    why = "\(what) for \(task.anchor), window \(TaskText.window(task))"
  }
}
