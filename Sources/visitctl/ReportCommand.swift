import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Spreadsheets
import Store

/// `visitctl report KIND --month YYYY-MM`: the Planner's monthly reports as a table, CSV or JSON.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Print a monthly report: spot-check, summary, capture-rate, ranking, sample or register.",
    discussion: """
      spot-check: each steward's progress against the month's plan, most behind first (抽查).
      summary: visits, attempts, compliance, satisfaction and hot issues per project (月度汇总).
      capture-rate: the information-capture rate per project, with both terms (信息捕捉率).
      ranking: projects ranked by capture rate, with rewards and the penalty (排名).
      sample: the reproducible sample of completed visits to call back (抽样验证).
      register: every visit and attempt of the month, one row each (客服访谈信息登记表).
      --xlsx FILE writes the report's tables as an Excel workbook, a sheet each, instead of printing them.
      """)

  @Argument(help: "spot-check, summary, capture-rate, ranking, sample or register.")
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

  @Option(
    help: ArgumentHelp("Write an Excel workbook (.xlsx) to FILE instead of printing.", valueName: "file"))
  var xlsx: String?

  @OptionGroup var options: ReadOptions

  func validate() throws {
    guard [csv, json, xlsx != nil].filter({ $0 }).count <= 1 else {
      throw ValidationError("--csv, --json and --xlsx exclude each other")
    }
  }

  func run() throws {
    let (_, rules) = try options.rules.load()
    let report = try MonthReport.load(
      store: try options.store.open(), rules: rules, month: try DateArguments.month(month),
      asOf: try asOf.map { try DateArguments.day($0, option: "--as-of") }, project: project,
      contacts: options.contacts, withPlan: kind.needsPlan, stored: options.stored, now: Date(),
      withVisitTexts: kind == .register)
    let output = kind.build(report)
    if let xlsx {
      try Workbook.write(output.sheets, to: xlsx)
    } else if json {
      print(try JSONText.encode(output.document))
    } else if csv {
      TableOutput.writeCSV(output)
    } else {
      TableOutput.printText(output.tables)
    }
  }
}

extension ReportKind: ExpressibleByArgument {}
