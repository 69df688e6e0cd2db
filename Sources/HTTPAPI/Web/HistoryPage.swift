import Foundation
import Operations
import Planner

/// A project over its recent months as a lead reads it: each steward's on-time share month by month (a grid
/// drawn as SVG) and the project's information-capture rate and place in the ranking month by month (bars).
struct HistoryPage {
  /// One month's figures.
  struct Month {
    /// The month.
    let month: YearMonth
    /// On-time share by steward.
    let onTime: [String: Double]
    /// The project's capture rate.
    let captureRate: Double
    /// Its place in the ranking, if ranked.
    let place: Int?
  }

  /// The project's name.
  let project: String
  /// Steward names by id.
  let names: [String: String]
  /// The months, oldest first.
  let months: [Month]

  /// How many months the page shows, the current one last.
  static let span = 6

  /// The figures of `report` (one month, the lead's project) for the page.
  static func month(_ report: MonthReport, project: String) -> Month {
    let summary = report.summaries().first { $0.project == project }
    let ranked = report.ranking().document.projects.first { $0.rate.project == project }
    return Month(
      month: report.month, onTime: summary?.complianceBySteward.mapValues(\.rate) ?? [:],
      captureRate: ranked?.rate.rate ?? report.captureRates().first?.rate ?? 0, place: ranked?.place)
  }

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let capture = BarChart(
      title: "\(project) 信息捕捉率（按月）",
      bars: months.map { month in
        BarChart.Bar(
          label: "\(month.month.year)年\(month.month.month)月", value: month.captureRate,
          figure: LeadPage.percent(month.captureRate) + (month.place.map { " 第\($0)名" } ?? ""))
      })
    return [
      "title": "历月趋势", "signedIn": true, "formToken": visitor.formToken, "project": project,
      "grid": grid(), "capture": capture.svg,
    ]
  }

  /// Stewards down, months across, each cell the on-time share (darker is better; red below 80 %).
  private func grid() -> String {
    let stewards = Set(months.flatMap(\.onTime.keys)).sorted()
    let (label, cell, row) = (90, 44, 26)
    let width = label + cell * months.count
    let height = row * (stewards.count + 1) + 4
    var parts = [
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" "
        + "width=\"100%\" aria-label=\"各管家按月按时完成率\"><title>各管家按月按时完成率</title>"
    ]
    for (column, month) in months.enumerated() {
      parts.append(
        "<text x=\"\(label + column * cell + cell / 2)\" y=\"16\" font-size=\"12\" text-anchor=\"middle\" "
          + "fill=\"#1a1a1a\">\(month.month.month)月</text>")
    }
    for (line, steward) in stewards.enumerated() {
      let y = row * (line + 1)
      parts.append(
        "<text x=\"0\" y=\"\(y + 17)\" font-size=\"12\" fill=\"#1a1a1a\">"
          + "\(BarChart.escape(names[steward] ?? steward))</text>")
      for (column, month) in months.enumerated() {
        let x = label + column * cell
        guard let share = month.onTime[steward] else {
          parts.append(
            "<text x=\"\(x + cell / 2)\" y=\"\(y + 17)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#555\">—</text>"
          )
          continue
        }
        let fill = share < 0.8 ? "#b3261e" : "#0b4f8a"
        parts.append(
          "<rect x=\"\(x + 2)\" y=\"\(y + 2)\" width=\"\(cell - 4)\" height=\"\(row - 4)\" fill=\"\(fill)\"/>"
            + "<text x=\"\(x + cell / 2)\" y=\"\(y + 17)\" font-size=\"12\" text-anchor=\"middle\" fill=\"#fff\">"
            + "\(Int((share * 100).rounded()))</text>")
      }
    }
    parts.append("</svg>")
    return parts.joined()
  }
}
