import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// `visitctl report KIND --month YYYY-MM`: the Planner's monthly reports as a table, CSV or JSON.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Print a monthly report: spot-check, summary, capture-rate, ranking or sample.",
    discussion: """
      spot-check: each steward's progress against the month's plan, most behind first (抽查).
      summary: visits, attempts, compliance, satisfaction and hot issues per project (月度汇总).
      capture-rate: the information-capture rate per project, with both terms (信息捕捉率).
      ranking: projects ranked by capture rate, with rewards and the penalty (排名).
      sample: the reproducible sample of completed visits to call back (抽样验证).
      """)

  @Argument(help: "spot-check, summary, capture-rate, ranking or sample.")
  var kind: ReportKind

  @Option(help: "The month, YYYY-MM.")
  var month: String

  @Option(help: "Only this project.")
  var project: String?

  @Option(help: "spot-check: the day to check progress on (default: today, or the month's last day).")
  var asOf: String?

  @Flag(help: "Print CSV (UTF-8 with a BOM, so Excel opens it).")
  var csv = false

  @Flag(help: "Print JSON.")
  var json = false

  @OptionGroup var options: ReadOptions

  func validate() throws {
    guard !(csv && json) else { throw ValidationError("--csv and --json exclude each other") }
  }

  func run() throws {
    let month = try DateArguments.month(month)
    let (_, rules) = try options.rules.load()
    let day =
      try asOf.map { try DateArguments.day($0, option: "--as-of") }
      ?? ReportCommand.lastSeenDay(
        of: month, zone: rules.settings.timeZone)
    let clock = ReportCommand.clock(seeing: day, zone: rules.settings.timeZone)
    let current = try CurrentPlan.load(
      store: try options.store.open(), rules: rules, at: clock ?? Date(), year: month.year,
      refresh: !options.stored && kind.needsPlan, persist: clock == nil, withTasks: kind.needsPlan)
    let request = ReportRequest(
      month: month, asOf: day, project: project, current: current, contacts: options.contacts)
    let output = try kind.build(request)
    if json {
      print(try JSONText.encode(output.document))
    } else if csv {
      TableOutput.writeCSV(output.tables)
    } else {
      TableOutput.printText(output.tables)
    }
  }

  /// Today when the month holds it, else the month's last day (or first, for a month to come).
  static func lastSeenDay(of month: YearMonth, zone: TimeZone) -> LocalDate {
    let today = LocalDate(Date(), in: zone)
    return min(max(today, month.firstDay), month.lastDay)
  }

  /// The clock that sees `day` whole; nil (now) when that is today or later.
  static func clock(seeing day: LocalDate, zone: TimeZone) -> Date? {
    day >= LocalDate(Date(), in: zone) ? nil : DateArguments.endOf(day, in: zone)
  }
}

/// The reports `visitctl report` prints.
enum ReportKind: String, ExpressibleByArgument, CaseIterable {
  case spotCheck = "spot-check"
  case summary
  case captureRate = "capture-rate"
  case ranking
  case sample

  /// Whether the report reads tasks (else only facts).
  var needsPlan: Bool { self == .spotCheck || self == .summary }

  /// Computes the report.
  func build(_ request: ReportRequest) throws -> ReportOutput {
    try request.checkProject()
    switch self {
    case .spotCheck: return SpotCheckTables.build(request)
    case .summary: return SummaryTables.build(request)
    case .captureRate: return CaptureTables.rates(request)
    case .ranking: return CaptureTables.ranking(request)
    case .sample: return SampleTables.build(request)
    }
  }
}

/// What a report is computed from.
struct ReportRequest {
  let month: YearMonth
  let asOf: LocalDate
  let project: String?
  let current: CurrentPlan
  let contacts: ContactStyle

  /// The projects reported on: the one asked for, or all.
  var projects: [String] { project.map { [$0] } ?? current.facts.projectIDs }

  /// The name of a project.
  func name(_ project: String) -> String { current.facts.projects[project]?.name ?? "" }

  /// Throws when `--project` names no known project.
  func checkProject() throws {
    if let project, current.facts.projects[project] == nil {
      throw ValidationError("'\(project)' is not a known project")
    }
  }

  /// The first threshold of a schedule's report that `pick` recognizes.
  func threshold<T>(_ pick: (Report) -> T?) -> T? {
    for schedule in current.rules.schedules { if let value = pick(schedule.report) { return value } }
    return nil
  }
}

/// A computed report: its tables, and the document `--json` prints.
struct ReportOutput {
  /// Tables for text and CSV.
  let tables: [TextTable]
  /// The JSON document.
  let document: any Encodable
}
