import CalendarSpec
import Foundation
import Planner
import Policy

/// Plans every day of a period at its end and collects each month's figures on the days the schedules run.
public struct Simulation: Sendable {
  /// The rules simulated.
  public let rules: RuleSet
  /// The facts, dated over the period (facts after each day's clock are not seen that day).
  public let facts: Facts
  /// The first day.
  public let from: LocalDate
  /// The last day.
  public let to: LocalDate

  /// The months of the period, each with its figures.
  /// Simulates `rules` over `facts` from `from` through `to`.
  public init(rules: RuleSet, facts: Facts, from: LocalDate, to: LocalDate) {
    self.rules = rules
    self.facts = facts
    self.from = from
    self.to = to
  }

  /// Each month of the period with its figures.
  public func run() -> [SimulatedMonth] {
    let zone = rules.settings.timeZone
    let planner = Planner(rules: rules, from: from, to: to)
    var plan: Plan?
    var months: [SimulatedMonth] = []
    var month = SimulatedMonth(month: YearMonth(from))
    for number in from.dayNumber...to.dayNumber {
      let day = LocalDate(dayNumber: number)
      let clock = day.adding(days: 1).startInstant(in: zone).addingTimeInterval(-1)
      let today = planner.plan(facts, at: clock, previous: plan)
      plan = today
      let figures = MonthReport(
        month: month.month, asOf: day, project: nil,
        current: CurrentPlan(rules: rules, facts: facts, planner: planner, plan: today),
        contacts: ContactStyle(showContact: false))
      if day.day == 15 { month.spotCheck = figures.spotCheck().stewards }
      if day.day == 25 { month.summaries = figures.summaries() }
      if day == day.lastOfMonth || day == to {
        month.stewards = figures.stewards(clock: clock)
        month.ranking = figures.ranking().document.projects
        months.append(month)
        month = SimulatedMonth(month: YearMonth(day.adding(days: 1)))
      }
    }
    return months
  }
}
