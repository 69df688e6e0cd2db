import CalendarSpec
import Foundation
import Logging
import Operations
import Planner
import Policy

/// The rules in force, with what they imply: the schedule timetable and the planner of the current year.
struct PolicyState: Sendable {
  /// The validated rule set.
  let rules: RuleSet
  /// When each schedule elapses.
  let timetable: ScheduleTimetable
  /// The planner over the calendar year being planned.
  let planner: Planner

  /// Loads the rules from `directories`, logging every problem; throws when any was found.
  static func load(_ directories: [String], now: Date, logger: Logger) throws -> PolicyState {
    let load = PolicyLoader.load(RuleSource(directories: directories), checkingCalendarsAfter: now)
    for problem in load.problems {
      logger.error("\(problem.description)", metadata: ["rules-file": "\(problem.file)"])
    }
    let state = PolicyState(rules: try load.get(), now: now)
    let holidays = HolidayStatus(state.rules.holidays, at: now, zone: state.rules.settings.timeZone)
    if let notice = holidays.notice {
      logger.warning("\(notice); holidays: \(holidays.lines.joined(separator: "; "))")
    }
    return state
  }

  /// The state of `rules` planning the year that holds `now`.
  init(rules: RuleSet, now: Date) {
    self.rules = rules
    timetable = ScheduleTimetable(
      schedules: rules.schedules, zone: rules.settings.timeZone, holidays: rules.holidays)
    planner = Planner(rules: rules, year: LocalDate(now, in: rules.settings.timeZone).year)
  }

  /// The same rules planning the year of `now` (itself when that is already the year planned).
  func planning(at now: Date) -> PolicyState {
    LocalDate(now, in: rules.settings.timeZone).year == planner.from.year
      ? self : PolicyState(rules: rules, now: now)
  }
}
