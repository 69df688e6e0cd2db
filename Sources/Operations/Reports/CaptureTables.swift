import CalendarSpec
import Foundation
import Planner
import Policy

/// The capture rate (信息捕捉率) and its ranking as tables.
public enum CaptureTables {
  /// The capture rate of each project as a table and its documents.
  public static func rates(_ request: MonthReport) -> ReportOutput {
    let rates = request.captureRates()
    var table = TextTable(
      "Capture rate \(request.month) = (info households + feedback households) ÷ interviewed",
      headers: ["project", "name", "interviewed", "info", "feedback", "either", "rate", "either share"])
    for rate in rates { table.append(row(rate, request)) }
    return ReportOutput(tables: [table], document: rates)
  }

  /// The capture-rate ranking as a table and its document.
  public static func ranking(_ request: MonthReport) -> ReportOutput {
    let (rules, document) = request.ranking()
    var table = TextTable(
      "Capture-rate ranking \(request.month) (ranked from \(rules.minimumInterviews) interviews)",
      headers: [
        "place", "project", "name", "interviewed", "info", "feedback", "either", "rate", "either share",
        "reward",
        "penalty",
      ])
    for entry in document.projects {
      table.append(
        [entry.place.map(String.init) ?? "unranked"] + row(entry.rate, request)
          + ["\(entry.reward)", "\(entry.penalty)"])
    }
    return ReportOutput(tables: [table], document: document)
  }

  private static func row(_ rate: CaptureRate, _ request: MonthReport) -> [String] {
    [
      rate.project, request.name(rate.project), "\(rate.interviewed)", "\(rate.infoHouseholds)",
      "\(rate.feedbackHouseholds)", "\(rate.eitherHouseholds)", Figures.percent(rate.rate),
      Figures.percent(rate.eitherShare),
    ]
  }
}
