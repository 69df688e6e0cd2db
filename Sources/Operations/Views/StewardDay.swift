import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// A steward's day: today's share of the month's open visits building by building, what is overdue, and how
/// much the month still holds (what the daily digest says, for a page or a listing).
public struct StewardDay: Encodable, Sendable {
  /// The visits of one building for today, by unit and room.
  public struct Building: Encodable, Sendable {
    /// The building (楼栋).
    public let building: String
    /// Its visits for today.
    public let visits: [TaskListing]
  }

  /// The steward.
  public let steward: String
  /// The day, in the rules' zone.
  public let day: LocalDate
  /// Today's share, building by building in the order to walk them.
  public let buildings: [Building]
  /// The steward's overdue tasks, most overdue first.
  public let overdue: [TaskListing]
  /// The month's open tasks, today's among them.
  public let openThisMonth: Int
  /// The month's working days from today on, today included when it is one.
  public let workingDaysLeft: Int
  /// The channels each listed task may be made over now, by task id (for pages that offer a call).
  public let channels: [String: [Channel]]

  private enum CodingKeys: String, CodingKey {
    case steward, day, buildings, overdue, openThisMonth, workingDaysLeft
  }

  /// Encodes the day as `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(steward, forKey: .steward)
    try container.encode(day.description, forKey: .day)
    try container.encode(buildings, forKey: .buildings)
    try container.encode(overdue, forKey: .overdue)
    try container.encode(openThisMonth, forKey: .openThisMonth)
    try container.encode(workingDaysLeft, forKey: .workingDaysLeft)
  }

  /// The day of `steward` at `clock`, owners shown as `contacts` says.
  public static func load(
    store: any FactStore, rules: RuleSet, steward: String, clock: Date, contacts: ContactStyle
  ) throws -> StewardDay {
    let current = try CurrentPlan.load(
      store: store, rules: rules, at: clock, refresh: true, scope: .steward(steward, month: nil))
    let day = LocalDate(clock, in: rules.settings.timeZone)
    let month = YearMonth(day)
    let mine = current.plan.allTasks.filter { $0.assignee == steward }
    let open = mine.filter { $0.state == .open && $0.plannedMonth <= month }
    let share = StewardDigests.DailyShare(open: open, on: day, holidays: rules.holidays, facts: current.facts)
    let listing = { (task: VisitTask) in
      TaskListing(task, household: current.facts.households[task.household], contacts)
    }
    // The share is in walking order, building by building: each run of one building is one group.
    var groups: [(building: String, tasks: [VisitTask])] = []
    for task in share.today {
      let building = current.facts.households[task.household]?.building ?? ""
      if groups.last?.building == building {
        groups[groups.count - 1].tasks.append(task)
      } else {
        groups.append((building, [task]))
      }
    }
    let buildings = groups.map { Building(building: $0.building, visits: $0.tasks.map(listing)) }
    let overdue = mine.filter { $0.state == .overdue }.sorted {
      ($0.due ?? day, $0.id) < ($1.due ?? day, $1.id)
    }
    var channels: [String: [Channel]] = [:]
    for task in share.today + overdue {
      let state = current.facts.households[task.household]?.states.last?.value ?? .occupied
      let allowed = rules.rule(task.rule)?.channels.allowed(for: state) ?? []
      channels[task.id] = Channel.allCases.filter(allowed.contains)
    }
    return StewardDay(
      steward: steward, day: day, buildings: buildings, overdue: overdue.map(listing),
      openThisMonth: share.open,
      workingDaysLeft: share.workingDaysLeft, channels: channels)
  }
}
