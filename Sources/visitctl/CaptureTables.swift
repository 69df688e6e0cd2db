import CalendarSpec
import Foundation
import Operations
import Planner
import Policy

/// The capture rate (信息捕捉率) and its ranking as tables.
enum CaptureTables {
  static func rates(_ request: ReportRequest) -> ReportOutput {
    let current = request.current
    let rates = request.projects.map {
      CaptureRate(
        project: $0, month: request.month, facts: current.facts, defaultZone: current.rules.settings.timeZone,
        until: current.plan.clock)
    }
    var table = TextTable(
      "Capture rate \(request.month) = (info households + feedback households) ÷ interviewed",
      headers: ["project", "name", "interviewed", "info", "feedback", "either", "rate", "either share"])
    for rate in rates { table.append(row(rate, request)) }
    return ReportOutput(tables: [table], document: rates)
  }

  static func ranking(_ request: ReportRequest) -> ReportOutput {
    let current = request.current
    let rules =
      request.threshold { if case .captureRateRanking(let value) = $0 { value } else { nil } }
      ?? Ranking(minimumInterviews: 10, rewards: [], lastPenalty: 0)
    let ranking = CaptureRanking(
      month: request.month, facts: current.facts, rules: current.rules, ranking: rules,
      until: current.plan.clock)
    let shown = ranking.projects.filter { request.project == nil || $0.rate.project == request.project }
    var table = TextTable(
      "Capture-rate ranking \(request.month) (ranked from \(rules.minimumInterviews) interviews)",
      headers: [
        "place", "project", "name", "interviewed", "info", "feedback", "either", "rate", "either share",
        "reward",
        "penalty",
      ])
    for entry in shown {
      table.append(
        [entry.place.map(String.init) ?? "unranked"] + row(entry.rate, request)
          + ["\(entry.reward)", "\(entry.penalty)"])
    }
    return ReportOutput(tables: [table], document: RankingDocument(month: ranking.month, projects: shown))
  }

  private static func row(_ rate: CaptureRate, _ request: ReportRequest) -> [String] {
    [
      rate.project, request.name(rate.project), "\(rate.interviewed)", "\(rate.infoHouseholds)",
      "\(rate.feedbackHouseholds)", "\(rate.eitherHouseholds)", Figures.percent(rate.rate),
      Figures.percent(rate.eitherShare),
    ]
  }
}

/// The ranking as `--json` prints it.
private struct RankingDocument: Encodable {
  let month: YearMonth
  let projects: [RankedProject]
}
