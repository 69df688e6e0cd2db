import CalendarSpec
import Foundation
import Policy

/// What every planning run of a planner shares, computed once: the rules (with the horizon's periods of each
/// quota), the month weights.
final class PlanFrame: Sendable {
  /// The rules in precedence order.
  let rules: [RuleEntry]
  /// What visits each rule accepts, in the same order.
  let acceptances: [VisitAcceptance]
  /// The horizon's first day.
  let from: LocalDate
  /// The horizon's last day.
  let to: LocalDate
  /// The zone of projects whose zone is unknown.
  let defaultZone: TimeZone
  /// Working days by month index, for the months the horizon's periods cover.
  let workingDays: [Int: Int]

  /// The frame of planning `rules` over [from, to].
  init(rules: RuleSet, from: LocalDate, to: LocalDate) {
    self.from = from
    self.to = to
    defaultZone = rules.settings.timeZone
    var periods: [Period: [PeriodKey]] = [:]
    for period in Period.allCases {
      var key = PeriodKey(period, containing: YearMonth(from))
      var list: [PeriodKey] = []
      while key.first <= YearMonth(to) {
        list.append(key)
        key = key.next
      }
      periods[period] = list
    }
    self.rules = rules.rules.enumerated().map { RuleEntry($0.element, index: $0.offset, periods: periods) }
    acceptances = rules.rules.map(VisitAcceptance.init)
    var days: [Int: Int] = [:]
    for key in periods[.year] ?? [] {
      for month in key.months {
        days[month.index] = rules.holidays.workingDays(inMonthOf: month.firstDay).count
      }
    }
    workingDays = days
  }
}
