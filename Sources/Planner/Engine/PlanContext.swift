import CalendarSpec
import Foundation
import Policy

/// One planning run: the planner's frame and the clock.
final class PlanContext: Sendable {
  /// The shared frame.
  let frame: PlanFrame
  /// The planning clock.
  let clock: Date

  /// The context of planning with `frame` at `clock`.
  init(frame: PlanFrame, clock: Date) {
    self.frame = frame
    self.clock = clock
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
}
