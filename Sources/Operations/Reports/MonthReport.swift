import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// A month's reports as of a day of it: the plan and facts they are computed from, and each report as the
/// document people read (and `--json` and the API print).
public struct MonthReport: Sendable {
  /// The month reported on.
  public let month: YearMonth
  /// The day the reports see up to (the month's last day once it is over).
  public let asOf: LocalDate
  /// Only this project, or all.
  public let project: String?
  /// The plan and facts as of the end of `asOf` (now, when that is today).
  public let current: CurrentPlan
  /// How owners appear.
  public let contacts: ContactStyle
  /// The texts of the month's visits (the register's), when loaded `withVisitTexts`.
  public internal(set) var visitTexts: [String: VisitTexts] = [:]
  /// The register's visits, when loaded `withVisitTexts` (see `registerVisits()`).
  var registerVisitsLoaded: [Visit]?

  /// The reports of `month` as of `asOf` (by default today, or the month's last day once it is over, or its
  /// first before it starts) at `now`; with `withPlan` the tasks are read too (spot check and summary need
  /// them), re-planned first unless `stored`; with `withVisitTexts` (the register) the month's visits' texts too,
  /// and without `withPlan` then only the facts of the households visited in the month.
  public static func load(
    store: any FactStore, rules: RuleSet, month: YearMonth, asOf: LocalDate?, project: String?,
    contacts: ContactStyle, withPlan: Bool, stored: Bool, now: Date, withVisitTexts: Bool = false
  ) throws -> MonthReport {
    let zone = rules.settings.timeZone
    let today = LocalDate(now, in: zone)
    let day = asOf ?? min(max(today, month.firstDay), month.lastDay)
    // A day before today is seen as of its end; today is seen now (and a re-plan then stored).
    let clock = day >= today ? nil : day.adding(days: 1).startInstant(in: zone).addingTimeInterval(-1)
    let current: CurrentPlan
    if withVisitTexts && !withPlan {
      // The register: only the visited households' facts. A day either side covers every project's zone.
      current = try CurrentPlan.visited(
        store: store, rules: rules, from: month.firstDay.adding(days: -1).startInstant(in: zone),
        until: month.lastDay.adding(days: 2).startInstant(in: zone), at: clock ?? now)
    } else {
      current = try CurrentPlan.load(
        store: store, rules: rules, at: clock ?? now, year: month.year, refresh: !stored && withPlan,
        persist: clock == nil, withTasks: withPlan)
    }
    if let project, current.facts.projects[project] == nil {
      throw OperationError("'\(project)' is not a known project")
    }
    var report = MonthReport(month: month, asOf: day, project: project, current: current, contacts: contacts)
    if withVisitTexts {
      let visits = report.registerVisits()
      report.registerVisitsLoaded = visits
      report.visitTexts = try Self.texts(of: visits.map(\.id), store: store)
    }
    return report
  }

  /// The texts of `visits`, read in parts side by side (a store that reads on one connection takes them in turn).
  private static func texts(of visits: [String], store: any FactStore) throws -> [String: VisitTexts] {
    let parts = try visits.mapPartsSideBySide(partSize: 16_384) { ids in
      try store.read { try $0.visitTexts(Array(ids)) }
    }
    return parts.reduce(into: [:]) { texts, part in texts.merge(part) { first, _ in first } }
  }

  /// The projects reported on: the one asked for, or all.
  public var projects: [String] { project.map { [$0] } ?? current.facts.projectIDs }

  /// The name of a project.
  public func name(_ project: String) -> String { current.facts.projects[project]?.name ?? "" }

  /// The first threshold of a schedule's report that `pick` recognizes.
  public func threshold<T>(_ pick: (Report) -> T?) -> T? {
    for schedule in current.rules.schedules { if let value = pick(schedule.report) { return value } }
    return nil
  }
}
