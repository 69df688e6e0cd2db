import CalendarSpec
import Foundation
import Operations
import Planner
import Policy

/// The mid-month spot check (抽查) as a table.
enum SpotCheckTables {
  static func build(_ request: ReportRequest) -> ReportOutput {
    let threshold =
      request.threshold { if case .spotCheck(let value) = $0 { value } else { nil } }
      ?? SpotCheck(behindBelow: 0.8)
    let current = request.current
    let report = SpotCheckReport(
      plan: current.plan, facts: current.facts, rules: current.rules, month: request.month,
      asOf: request.asOf, threshold: threshold)
    let rows = report.stewards.filter { request.project == nil || $0.project == request.project }
    var table = TextTable(
      "Spot check \(request.month) as of \(request.asOf) (behind below \(Figures.percent(threshold.behindBelow)))",
      headers: [
        "project", "steward", "name", "owed", "done", "waived", "attempted", "overdue carried", "expected",
        "progress", "behind", "last contact",
      ])
    for row in rows {
      let zone = current.zone(ofProject: row.project)
      table.append([
        row.project, row.steward, current.facts.stewards[row.steward]?.name ?? "", "\(row.owed)",
        "\(row.done)",
        "\(row.waived)", "\(row.attempted)", "\(row.overdueCarried)", Figures.decimal(row.expected),
        Figures.percent(row.progress), row.behind ? "BEHIND" : "",
        row.lastContact.map { InstantText.minute($0, in: zone) } ?? "never",
      ])
    }
    return ReportOutput(
      tables: [table],
      document: SpotCheckDocument(month: report.month, asOf: "\(report.asOf)", stewards: rows))
  }
}

/// The spot check as `--json` prints it.
private struct SpotCheckDocument: Encodable {
  let month: YearMonth
  let asOf: String
  let stewards: [StewardProgress]
}
