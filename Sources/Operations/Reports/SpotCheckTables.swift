import CalendarSpec
import Foundation
import Planner
import Policy

/// `report spot-check` as a table.
public enum SpotCheckTables {
  /// The spot check's table and document.
  public static func build(_ report: MonthReport) -> ReportOutput {
    let document = report.spotCheck()
    let current = report.current
    var table = TextTable(
      "Spot check \(report.month) as of \(report.asOf) (behind below \(Figures.percent(document.behindBelow)))",
      headers: [
        "project", "steward", "name", "owed", "done", "waived", "attempted", "overdue carried", "expected",
        "progress", "behind", "last contact",
      ])
    for row in document.stewards {
      let zone = current.zone(ofProject: row.project)
      table.append([
        row.project, row.steward, current.facts.stewards[row.steward]?.name ?? "", "\(row.owed)",
        "\(row.done)",
        "\(row.waived)", "\(row.attempted)", "\(row.overdueCarried)", Figures.decimal(row.expected),
        Figures.percent(row.progress), row.behind ? "BEHIND" : "",
        row.lastContact.map { InstantText.minute($0, in: zone) } ?? "never",
      ])
    }
    return ReportOutput(tables: [table], document: document)
  }
}
