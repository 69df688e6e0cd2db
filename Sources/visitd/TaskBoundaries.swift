import CalendarSpec
import Foundation
import Planner

/// The instants at which a task changes state by the clock alone: its window opens, or it passes due.
enum TaskBoundaries {
  /// The earliest such instant after `now` over every unsettled task, in each project's zone.
  static func next(in plan: Plan, facts: Facts, zone fallback: TimeZone, after now: Date) -> Date? {
    var earliest: Date?
    for project in facts.projectIDs {
      let zone = facts.projects[project]?.timeZone(fallback: fallback) ?? fallback
      guard let day = nextDay(of: plan.tasks(inProject: project), after: LocalDate(now, in: zone)) else {
        continue
      }
      let instant = day.startInstant(in: zone)
      if instant > now, earliest.map({ instant < $0 }) ?? true { earliest = instant }
    }
    return earliest
  }

  /// The first local day after `today` that opens a task's window or follows its last day.
  static func nextDay(of tasks: [VisitTask], after today: LocalDate) -> LocalDate? {
    let todayNumber = today.dayNumber
    var best = Int.max
    for task in tasks where !task.state.isSettled {
      let opens = task.opens.dayNumber
      if opens > todayNumber { best = min(best, opens) }
      if let last = task.graceEnd ?? task.due {
        let after = last.dayNumber + 1
        if after > todayNumber { best = min(best, after) }
      }
    }
    return best == Int.max ? nil : LocalDate(dayNumber: best)
  }
}
