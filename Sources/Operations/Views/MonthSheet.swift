import CalendarSpec
import Planner
import Policy

/// One steward's plan for a month: buildings, and in each the households to visit with the reasons.
public struct MonthSheet: Encodable, Sendable {
  /// The month.
  public let month: YearMonth
  /// The steward's id.
  public let steward: String
  /// The steward's name.
  public let name: String
  /// The buildings, by project then name.
  public let buildings: [BuildingPlan]

  /// The sheets of every steward holding tasks in `tasks`, by steward id.
  public static func sheets(
    _ tasks: [VisitTask], month: YearMonth, current: CurrentPlan, contacts: ContactStyle
  )
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
}

/// The households of one building planned in the month.
public struct BuildingPlan: Encodable, Sendable {
  /// The project.
  public let project: String
  /// The building.
  public let building: String
  /// The households, by code.
  public let households: [HouseholdPlan]

  /// The households of `tasks` in the building `key` (`project` U+001F `building`).
  init(key: String, tasks: [VisitTask], current: CurrentPlan, contacts: ContactStyle) {
    let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    project = parts[0]
    building = parts.count > 1 ? parts[1] : ""
    households = Dictionary(grouping: tasks, by: \.household).sorted { $0.key < $1.key }.map {
      HouseholdPlan(code: $0.key, tasks: $0.value, current: current, contacts: contacts)
    }
  }
}

/// One household of the plan and the visits it is owed this month.
public struct HouseholdPlan: Encodable, Sendable {
  /// The household code.
  public let household: String
  /// Unit and room.
  public let room: String
  /// The owner as shown.
  public let owner: String
  /// The phone as shown.
  public let phone: String
  /// The visits owed, in rule precedence order.
  public let visits: [PlannedVisit]

  /// Household `code` and its `tasks` of the month.
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
public struct PlannedVisit: Encodable, Sendable {
  /// The task id.
  public let task: String
  /// The task's state.
  public let state: String
  /// The rule, what it is owed for, the kind and channels, and the window.
  public let why: String

  /// `task` of `rule` and why it is owed.
  init(_ task: VisitTask, rule: Rule?) {
    self.task = task.id
    state = task.state.rawValue
    let what = rule.map { "\($0.title) (\($0.id), \($0.kind.rawValue))" } ?? task.rule
    why = "\(what) for \(task.anchor), window \(TaskText.window(task))"
  }
}
