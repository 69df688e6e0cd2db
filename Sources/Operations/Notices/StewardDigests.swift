import CalendarSpec
import Foundation
import Messages
import Planner
import Policy

/// Each steward's daily digest: today's share of the month's open visits grouped by building, then what is
/// overdue, and how many visits the month still holds.
public struct StewardDigests {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan

  /// Digests of `plan` made with `rules` and `facts`.
  public init(rules: RuleSet, facts: Facts, plan: Plan) {
    self.rules = rules
    self.facts = facts
    self.plan = plan
  }

  /// One message per steward with anything open or overdue, keyed `digest:{steward}:{date}`; `late` is when the
  /// digest was due (`2026-12-04 16:30`) when it is made on a later day, which it then shows.
  public func messages(on day: LocalDate, late: String? = nil) -> [(key: String, message: OutboxMessage)] {
    let month = YearMonth(day)
    var bySteward: [String: [VisitTask]] = [:]
    for task in plan.allTasks
    where task.state == .overdue || (task.state == .open && task.plannedMonth <= month) {
      bySteward[task.assignee, default: []].append(task)
    }
    return bySteward.keys.sorted().map { steward in
      ("digest:\(steward):\(day)", digest(for: steward, tasks: bySteward[steward] ?? [], on: day, late: late))
    }
  }

  private func digest(for steward: String, tasks: [VisitTask], on day: LocalDate, late: String?)
    -> OutboxMessage
  {
    let lines = VisitLines(rules: rules, facts: facts)
    let share = DailyShare(
      open: tasks.filter { $0.state == .open }, on: day, holidays: rules.holidays, facts: facts)
    let groups = { (tasks: [VisitTask]) in
      tasks.reduce(into: [BuildingGroup]()) { groups, task in
        let building = facts.households[task.household]?.building ?? "?"
        if groups.last?.building != building { groups.append(BuildingGroup(building: building, visits: [])) }
        groups[groups.count - 1].visits.append(lines.line(task))
      }
    }
    let overdue = tasks.filter { $0.state == .overdue }.sorted {
      ($0.due ?? day, $0.id) < ($1.due ?? day, $1.id)
    }
    let content = StewardDigest(
      steward: facts.stewards[steward]?.name ?? steward,
      date: "\(day) 星期\(Self.weekdays[day.isoWeekday - 1])",
      window: "\(rules.settings.visitingWindow.hours)", buildings: groups(share.today.filter(lines.isInHome)),
      calls: groups(share.today.filter { !lines.isInHome($0) }), overdue: overdue.map(lines.line),
      remaining: share.open, late: late)
    let mention = facts.stewards[steward]?.wecomUserID.map { [$0] } ?? []
    return OutboxMessage(
      audience: .steward, project: tasks.first?.project, content: .stewardDigest(content), mentions: mention,
      page: "/app/today", recipient: facts.recipient(steward))
  }

  private static let weekdays = ["一", "二", "三", "四", "五", "六", "日"]

  /// One steward's visits for one day: the day's share of the month's open tasks.
  ///
  /// Decisions: the open tasks planned in the day's month, or still open from earlier months, are spread over
  /// the month's working days left, the day included (the rules' holiday calendar): ⌈open ÷ days left⌉ on the
  /// day, so that doing each working day's share finishes the month (its last working day takes all that is
  /// left). A task whose due date comes before the next working day is taken whatever the share. The rest go
  /// building by building: buildings holding tasks of earlier months first, then in building order. A
  /// building is taken whole while the share has room for it, or when that overshoots the share less than
  /// stopping would fall short of it; the day's first building, when larger than twice what is left of the
  /// share, is split instead (tasks of earlier months, then unit and room order), its rest coming first on
  /// the next working day. On a day off only the pressing tasks are shared out, unless the month has no
  /// working day left. Buildings, units and rooms sort numerically (`2栋` before `10栋`).
  public struct DailyShare {
    /// The day's tasks, by building, unit and room.
    public let today: [VisitTask]
    /// The month's open tasks, the day's among them.
    public let open: Int
    /// The month's working days from the day on, the day included when it is one.
    public let workingDaysLeft: Int

    /// The share of `open` (one steward's open tasks planned in the day's month or earlier) on `day`.
    public init(open tasks: [VisitTask], on day: LocalDate, holidays: HolidayCalendar, facts: Facts) {
      let month = YearMonth(day)
      let places = tasks.map { Place($0, facts: facts, carried: $0.plannedMonth < month) }
      let daysLeft = holidays.workingDays(inMonthOf: day).filter { $0 >= day }.count
      let quota: Int
      if holidays.isWorkingDay(day) {
        quota = (places.count + daysLeft - 1) / daysLeft
      } else {
        quota = daysLeft == 0 ? places.count : 0
      }
      let nextWorkingDay = (1...366).lazy.map { day.adding(days: $0) }.first(where: holidays.isWorkingDay)
      var chosen = places.filter { place in
        guard let due = place.task.due else { return false }
        return nextWorkingDay.map { due < $0 } ?? true
      }
      let pressing = Set(chosen.map(\.task.id))
      let byBuilding = Dictionary(grouping: places.filter { !pressing.contains($0.task.id) }, by: \.building)
      let buildings = byBuilding.values.map { $0.sorted(by: Place.takenBefore) }.sorted { a, b in
        a[0].carried != b[0].carried ? a[0].carried : Place.before(a[0].building, b[0].building) ?? false
      }
      for (index, building) in buildings.enumerated() {
        let room = quota - chosen.count
        guard room > 0 else { break }
        if building.count <= room {
          chosen += building
          continue
        }
        // Larger than what is left: whole when that overshoots the share less than stopping falls short
        // of it (the day's first building: no more than splitting it would), else split or left for later.
        let overshoot = building.count - room
        if index == 0 {
          chosen += overshoot <= room ? building[...] : building.prefix(room)
        } else if overshoot < room {
          chosen += building
        }
        break
      }
      today = chosen.sorted(by: Place.shownBefore).map(\.task)
      open = tasks.count
      workingDaysLeft = daysLeft
    }
  }

  /// A task with where its household is, for sorting.
  private struct Place {
    let task: VisitTask
    let building: String
    let unit: String
    let room: String
    let carried: Bool

    init(_ task: VisitTask, facts: Facts, carried: Bool) {
      let household = facts.households[task.household]
      self.task = task
      building = household?.building ?? "?"
      unit = household?.unit ?? ""
      room = household?.room ?? ""
      self.carried = carried
    }

    /// Building, unit, room, household, then task id.
    static func shownBefore(_ a: Place, _ b: Place) -> Bool {
      before(a.building, b.building) ?? before(a.unit, b.unit) ?? before(a.room, b.room)
        ?? before(a.task.household, b.task.household) ?? (a.task.id < b.task.id)
    }

    /// Whether `x` sorts before `y` numerically (`2栋` before `10栋`), then by code points; nil when equal.
    static func before(_ x: String, _ y: String) -> Bool? {
      if x == y { return nil }
      let order = x.compare(y, options: .numeric)
      return order == .orderedSame ? x < y : order == .orderedAscending
    }

    /// Inside a building: tasks of earlier months first, then as shown.
    static func takenBefore(_ a: Place, _ b: Place) -> Bool {
      a.carried != b.carried ? a.carried : shownBefore(a, b)
    }
  }
}
