import CalendarSpec
import Foundation
import Policy

/// One project's month as reports see it: its zone, its households' contacts in the month, its tasks.
struct ReportScope {
  let project: String
  let month: YearMonth
  let zone: ZoneDays
  let households: [String]
  let facts: Facts
  let until: Date

  /// The scope of `project` in `month`, seeing contacts up to `until`.
  init(project: String, month: YearMonth, facts: Facts, defaultZone: TimeZone, until: Date) {
    self.project = project
    self.month = month
    self.facts = facts
    self.until = until
    zone = ZoneDays(facts.projects[project]?.timeZone(fallback: defaultZone) ?? defaultZone)
    households = facts.households(inProject: project)
  }

  /// Whether an instant falls in the month, in the project's zone.
  func inMonth(_ instant: Date) -> Bool { instant <= until && YearMonth(zone.date(instant)) == month }

  /// Every contact (visit or attempt) of the project's households in the month, by household then time.
  var contacts: [Visit] { households.flatMap { facts.visits(of: $0).filter { inMonth($0.at) } } }
}
