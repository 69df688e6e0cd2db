import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// A project lead's month as their page reads it: the spot check steward by steward (who is behind, what overdue
/// they carry), a chart of progress against what was expected, overdue by steward with the oldest households,
/// and the capture-rate ranking with its rewards and penalty.
struct LeadPage {
  /// The month's reports for the lead's project.
  let report: MonthReport
  /// The lead's project.
  let project: String

  /// How many of the oldest overdue households a steward's row names.
  static let oldestShown = 3

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let spot = report.spotCheck()
    let facts = report.current.facts
    let overdue = report.current.plan.tasks(inProject: project).filter { $0.state == .overdue }
    let overdueBySteward = Dictionary(grouping: overdue, by: \.assignee)
    let rows = spot.stewards.map { progress -> [String: Any] in
      let oldest = (overdueBySteward[progress.steward] ?? [])
        .sorted { ($0.due ?? $0.opens, $0.id) < ($1.due ?? $1.opens, $1.id) }
        .prefix(Self.oldestShown)
        .map { Self.place(of: $0.household, facts) }
      return [
        "steward": progress.steward, "name": facts.stewards[progress.steward]?.name ?? progress.steward,
        "owed": progress.owed, "done": progress.done, "progress": Self.percent(progress.progress),
        "expected": String(format: "%.0f", progress.expected), "behind": progress.behind,
        "overdueCarried": progress.overdueCarried,
        "overdueNow": overdueBySteward[progress.steward]?.count ?? 0,
        "oldest": oldest.joined(separator: "、"), "hasOldest": !oldest.isEmpty,
        "month": report.month.description,
      ]
    }
    let chart = BarChart(
      title: "各管家完成预期进度的比例",
      bars: spot.stewards.map {
        BarChart.Bar(
          label: facts.stewards[$0.steward]?.name ?? $0.steward, value: $0.progress,
          figure: Self.percent($0.progress), alert: $0.behind)
      },
      marker: spot.behindBelow)
    let (rules, ranking) = report.ranking()
    let ranked = ranking.projects.map { entry -> [String: Any] in
      [
        "place": entry.place.map { "第\($0)名" } ?? "不参与排名", "project": report.name(entry.rate.project),
        "rate": Self.percent(entry.rate.rate), "interviewed": entry.rate.interviewed,
        "reward": entry.reward > 0 ? "奖励 \(entry.reward) 元" : "",
        "penalty": entry.penalty > 0 ? "处罚 \(entry.penalty) 元" : "", "mine": entry.rate.project == project,
      ]
    }
    return [
      "title": "抽查", "signedIn": true, "formToken": visitor.formToken, "project": report.name(project),
      "month": "\(report.month.year)年\(report.month.month)月", "monthCode": report.month.description,
      "asOf": "\(report.asOf.month)月\(report.asOf.day)日",
      "behindCount": spot.stewards.filter(\.behind).count, "behindBelow": Self.percent(spot.behindBelow),
      "stewards": rows, "hasStewards": !rows.isEmpty, "chart": chart.svg, "ranking": ranked,
      "hasRanking": !ranked.isEmpty, "exports": WebExport.links(month: report.month.description),
      "minimumInterviews": rules.minimumInterviews,
    ]
  }

  /// `0.734` as `73%`.
  static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

  /// A household as a lead reads it: building, unit and room (no owner).
  static func place(of household: String, _ facts: Facts) -> String {
    guard let found = facts.households[household] else { return household }
    let room = [found.unit, found.room].filter { !$0.isEmpty }.joined(separator: "-")
    return [found.building, room].filter { !$0.isEmpty }.joined(separator: " ")
  }
}
