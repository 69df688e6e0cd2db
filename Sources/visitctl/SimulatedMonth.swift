import CalendarSpec
import Foundation
import Operations
import Planner
import Policy

extension SimulatedMonth {
  /// The month as text.
  var text: String {
    var tables = [stewardTable]
    if let spotCheck { tables.append(spotCheckTable(spotCheck)) }
    if let summaries { tables.append(summaryTable(summaries)) }
    tables.append(rankingTable)
    return "== \(month) ==\n" + tables.map(\.text).joined(separator: "\n\n")
  }

  private var stewardTable: TextTable {
    var table = TextTable(
      "Plan per steward (tasks planned this month, as of month end)",
      headers: [
        "project", "steward", "owed", "done", "late", "waived", "pending", "overdue", "visits", "attempts",
        "overdue (all months)",
      ])
    for row in stewards {
      table.append(
        [row.project, row.steward]
          + [
            row.owed, row.done, row.late, row.waived, row.pending, row.overdue, row.visits, row.attempts,
            row.overdueAll,
          ].map { "\($0)" })
    }
    return table
  }

  private func spotCheckTable(_ rows: [StewardProgress]) -> TextTable {
    var table = TextTable(
      "Spot check on the 15th: stewards behind",
      headers: ["project", "steward", "owed", "done", "expected", "progress", "overdue carried"])
    for row in rows where row.behind {
      table.append([
        row.project, row.steward, "\(row.owed)", "\(row.done)", Figures.decimal(row.expected),
        Figures.percent(row.progress), "\(row.overdueCarried)",
      ])
    }
    return table
  }

  private func summaryTable(_ rows: [SummaryDocument]) -> TextTable {
    var table = TextTable(
      "Summary on the 25th",
      headers: ["project", "reached", "attempted", "compliance", "waived share", "overall", "hot issues"])
    for row in rows {
      let overall = row.satisfaction.first { $0.dimension == "overall" && $0.ratings > 0 }
      let hot = row.hotIssues.prefix(3).map {
        "\($0.category) \($0.households)" + ($0.commonMatter ? "*" : "")
      }
      table.append([
        row.project, "\(row.reached)", "\(row.attempted)", Figures.percent(row.compliance.rate),
        Figures.percent(row.compliance.waivedShare), overall.map { Figures.decimal($0.mean) } ?? "",
        hot.joined(separator: ", "),
      ])
    }
    return table
  }

  private var rankingTable: TextTable {
    var table = TextTable(
      "Capture-rate ranking",
      headers: ["place", "project", "interviewed", "rate", "either share", "reward", "penalty"])
    for entry in ranking {
      table.append([
        entry.place.map(String.init) ?? "unranked", entry.rate.project, "\(entry.rate.interviewed)",
        Figures.percent(entry.rate.rate), Figures.percent(entry.rate.eitherShare), "\(entry.reward)",
        "\(entry.penalty)",
      ])
    }
    return table
  }
}
