import CalendarSpec
import Foundation
import Planner
import Policy

/// One month of a simulation: the plan per steward at month end, the spot check, the summary and the ranking.
public struct SimulatedMonth: Encodable, Sendable {
  /// The month.
  public let month: YearMonth
  /// Each steward's month, by project then steward.
  public var stewards: [StewardMonth] = []
  /// The spot check of the 15th, when the period holds it.
  public var spotCheck: [StewardProgress]?
  /// The summaries of the 25th, when the period holds it.
  public var summaries: [SummaryDocument]?
  /// The capture-rate ranking at month end.
  public var ranking: [RankedProject] = []

  /// An empty month.
  public init(month: YearMonth) { self.month = month }

}

/// One steward's month: tasks planned in it by state, contacts made, and everything overdue.
public struct StewardMonth: Encodable, Sendable {
  /// The project.
  public let project: String
  /// The steward.
  public let steward: String
  /// Tasks planned in the month.
  public var owed = 0
  /// Done on time.
  public var done = 0
  /// Done late.
  public var late = 0
  /// Waived.
  public var waived = 0
  /// Not yet due, or cancelled.
  public var pending = 0
  /// Overdue or missed.
  public var overdue = 0
  /// Visits that reached the owner in the month.
  public var visits = 0
  /// Attempts that did not.
  public var attempts = 0
  /// Tasks overdue, whatever month they were planned in.
  public var overdueAll = 0

  /// `steward`'s empty month in `project`.
  public init(project: String, steward: String) {
    self.project = project
    self.steward = steward
  }

  /// Counts a task planned in the month.
  mutating func count(_ task: VisitTask) {
    owed += 1
    switch task.state {
    case .done: done += 1
    case .late: late += 1
    case .waived: waived += 1
    case .overdue, .missed: overdue += 1
    case .planned, .open, .cancelled: pending += 1
    }
  }
}

extension MonthReport {
  /// Each steward's month as of `clock`: tasks planned in it by state, contacts made, everything overdue.
  public func stewards(clock: Date) -> [StewardMonth] {
    var rows: [String: StewardMonth] = [:]
    func key(_ project: String, _ steward: String) -> String { project + "\u{1F}" + steward }
    for task in current.plan.allTasks where task.state != .cancelled {
      let id = key(task.project, task.assignee)
      var row = rows[id] ?? StewardMonth(project: task.project, steward: task.assignee)
      if task.plannedMonth == month { row.count(task) }
      if task.state == .overdue { row.overdueAll += 1 }
      rows[id] = row
    }
    let zone = current.rules.settings.timeZone
    for project in current.facts.projectIDs {
      for household in current.facts.households(inProject: project) {
        for visit in current.facts.visits(of: household)
        where visit.at <= clock && YearMonth(LocalDate(visit.at, in: zone)) == month {
          let id = key(project, visit.steward)
          var row = rows[id] ?? StewardMonth(project: project, steward: visit.steward)
          if visit.outcome == .reached { row.visits += 1 } else { row.attempts += 1 }
          rows[id] = row
        }
      }
    }
    return rows.keys.sorted().compactMap { rows[$0] }
  }
}
