import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// Operations' month (运营管理部): each project's summary — compliance, visits by channel, satisfaction per
/// dimension as a chart, hot issues — and the way to the verification sample's call-back list.
struct OperationsPage {
  /// The month's reports for every project.
  let report: MonthReport

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let projects = report.summaries().map { summary -> [String: Any] in
      let chart = BarChart(
        title: "\(report.name(summary.project)) 满意度（满分 5 分）",
        bars: summary.satisfaction.map {
          BarChart.Bar(
            label: dimensionTitle($0.dimension), value: $0.mean / 5,
            figure: $0.ratings == 0 ? "无评分" : String(format: "%.1f（%d 人）", $0.mean, $0.ratings),
            alert: $0.ratings > 0 && $0.mean < 4)
        })
      let channels = summary.visitsByChannel.sorted { $0.key < $1.key }.map { channel, count in
        "\(Channel(rawValue: channel).map(ValueWords.chinese) ?? channel) \(count)"
      }
      return [
        "project": report.name(summary.project), "code": summary.project,
        "compliance": LeadPage.percent(summary.compliance.rate), "owed": summary.compliance.owed,
        "onTime": summary.compliance.onTime, "overdue": summary.compliance.overdue,
        "reached": summary.reached, "attempted": summary.attempted, "outOfWindow": summary.outOfWindow,
        "channels": channels.joined(separator: " · "), "tickets": summary.ticketsRaised,
        "chart": summary.satisfaction.isEmpty ? "" : chart.svg, "hasChart": !summary.satisfaction.isEmpty,
        "hotIssues": summary.hotIssues.map {
          [
            "category": categoryTitle($0.category), "households": $0.households,
            "commonMatter": $0.commonMatter,
          ]
        },
        "hasHotIssues": !summary.hotIssues.isEmpty,
      ]
    }
    return [
      "title": "月度汇总", "signedIn": true, "formToken": visitor.formToken,
      "month": "\(report.month.year)年\(report.month.month)月", "monthCode": report.month.description,
      "asOf": "\(report.asOf.month)月\(report.asOf.day)日", "projects": projects,
      "exports": WebExport.links(month: report.month.description),
    ]
  }

  private func categoryTitle(_ id: String) -> String {
    report.current.rules.settings.feedbackCategories.first { $0.id == id }?.title ?? id
  }

  private func dimensionTitle(_ id: String) -> String {
    report.current.rules.settings.dimensions.first { $0.id == id }?.title ?? id
  }
}

/// The verification sample as operations' call-back list: each sampled visit with the owner's whole number (every
/// number shown is a logged read).
struct SamplePage {
  /// The month's reports, owners shown whole.
  let report: MonthReport

  /// The households whose whole number the page shows.
  var households: [String] { report.samples().documents.flatMap { $0.visits.map(\.household) } }

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let projects = report.samples().documents.map { document -> [String: Any] in
      [
        "project": report.name(document.project),
        "visits": document.visits.map { entry -> [String: Any] in
          [
            "place": LeadPage.place(of: entry.household, report.current.facts), "owner": entry.owner,
            "phone": entry.phone, "at": entry.at, "steward": entry.steward,
            "channel": Channel(rawValue: entry.channel).map(ValueWords.chinese) ?? entry.channel,
          ]
        },
        "hasVisits": !document.visits.isEmpty,
      ]
    }
    return [
      "title": "抽样回访", "signedIn": true, "formToken": visitor.formToken,
      "month": "\(report.month.year)年\(report.month.month)月", "projects": projects,
    ]
  }
}
