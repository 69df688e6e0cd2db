import CalendarSpec
import Foundation
import Policy

/// One planning run: the planner's frame and the clock.
final class PlanContext: Sendable {
  /// The shared frame.
  let frame: PlanFrame
  /// The planning clock.
  let clock: Date
  /// Years whose months not yet begun are split again (`Planner.resplitYears`).
  let resplitYears: Set<Int>

  /// The context of planning with `frame` at `clock`.
  init(frame: PlanFrame, clock: Date, resplitYears: Set<Int> = []) {
    self.frame = frame
    self.clock = clock
    self.resplitYears = resplitYears
  }

  /// The rules in precedence order.
  var rules: [RuleEntry] { frame.rules }
  /// The horizon's first day.
  var from: LocalDate { frame.from }
  /// The horizon's last day.
  var to: LocalDate { frame.to }
  /// The zone of projects whose zone is unknown.
  var defaultZone: TimeZone { frame.defaultZone }

  /// The working days of a month (at least 1, so that every month can take work).
  func weight(of month: YearMonth) -> Int { max(1, frame.workingDays[month.index] ?? 21) }

  /// Whether a task not yet visited keeps `planned`, its previous month, when the clock is in `clockMonth`:
  /// not when the month has no working day left in the holidays now in force, nor when its year's official
  /// holidays replaced provisional ones and the month has not begun.
  func keepsUnvisited(_ planned: YearMonth, clockMonth: YearMonth) -> Bool {
    if (frame.workingDays[planned.index] ?? 21) == 0 { return false }
    return !(resplitYears.contains(planned.year) && planned > clockMonth)
  }
}
