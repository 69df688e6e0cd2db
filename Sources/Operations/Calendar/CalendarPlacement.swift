import CalendarSpec
import Planner
import Policy

/// The day each of a steward's unsettled tasks is planned on, for their calendar.
///
/// Decisions: the day is the one the daily digest would give the task if every day's share were done. Overdue
/// tasks are on `today`. The open tasks of today's month and earlier are shared out from `today` to the month's
/// end (`StewardDigests.DailyShare`, day by day, each day taking from what the days before left); the tasks of
/// each later month from that month's first day. A task the month's days did not take (none should) is on the
/// month's last day. So a task moves when the plan moves it, or when the day it was on passed undone.
public enum CalendarPlacement {
  /// `tasks` (one steward's; settled ones are left out) with their days, in day order.
  public static func days(
    of tasks: [VisitTask], from today: LocalDate, holidays: HolidayCalendar, facts: Facts
  ) -> [(task: VisitTask, day: LocalDate)] {
    let month = YearMonth(today)
    var placed: [(task: VisitTask, day: LocalDate)] = []
    var byMonth: [YearMonth: [VisitTask]] = [:]
    for task in tasks {
      switch task.state {
      case .overdue: placed.append((task, today))
      case .open, .planned: byMonth[max(task.plannedMonth, month), default: []].append(task)
      case .done, .late, .waived, .cancelled, .missed: continue
      }
    }
    for (taskMonth, monthTasks) in byMonth.sorted(by: { $0.key < $1.key }) {
      let first = taskMonth == month ? today : taskMonth.firstDay
      placed += share(monthTasks, from: first, holidays: holidays, facts: facts)
    }
    return placed
  }

  /// `tasks` shared out day by day from `first` to the end of its month.
  private static func share(
    _ tasks: [VisitTask], from first: LocalDate, holidays: HolidayCalendar, facts: Facts
  ) -> [(task: VisitTask, day: LocalDate)] {
    var remaining = tasks
    var placed: [(task: VisitTask, day: LocalDate)] = []
    var day = first
    let last = first.lastOfMonth
    while !remaining.isEmpty, day <= last {
      let today = StewardDigests.DailyShare(open: remaining, on: day, holidays: holidays, facts: facts).today
      if !today.isEmpty {
        placed += today.map { ($0, day) }
        let taken = Set(today.map(\.id))
        remaining.removeAll { taken.contains($0.id) }
      }
      day = day.adding(days: 1)
    }
    placed += remaining.map { ($0, last) }
    return placed
  }
}
