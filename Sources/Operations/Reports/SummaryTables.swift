import CalendarSpec
import Foundation
import Planner
import Policy

/// The monthly summary (月度汇总) as tables: visits and compliance, compliance by steward, satisfaction, hot issues.
public enum SummaryTables {
  /// The monthly summary as tables and its documents.
  public static func build(_ request: MonthReport) -> ReportOutput {
    let summaries = request.summaries()
    let settings = request.current.rules.settings
    let tables = [
      visits(summaries, request), stewards(summaries),
      satisfaction(summaries, titles: settings.dimensions),
      hotIssues(summaries, titles: settings.feedbackCategories),
    ]
    return ReportOutput(tables: tables, document: summaries)
  }

  private static func visits(_ summaries: [SummaryDocument], _ request: MonthReport) -> TextTable {
    var table = TextTable(
      "Monthly summary \(request.month): visits and compliance",
      headers: [
        "project", "name", "reached", "attempted", "in-home", "phone", "wechat", "sms", "deep",
        "out of window",
        "tickets", "grade changes", "state changes", "owed", "on time", "late", "waived", "overdue", "missed",
        "pending",
        "compliance", "waived share",
      ])
    for summary in summaries {
      let channels = Channel.allCases.map { "\(summary.visitsByChannel[$0.rawValue] ?? 0)" }
      table.append(
        [summary.project, request.name(summary.project), "\(summary.reached)", "\(summary.attempted)"]
          + channels
          + [
            "\(summary.visitsByKind[InterviewKind.deep.rawValue] ?? 0)", "\(summary.outOfWindow)",
            "\(summary.ticketsRaised)",
            "\(summary.gradeChanges)", "\(summary.stateChanges)",
          ] + counts(summary.compliance))
    }
    return table
  }

  private static func stewards(_ summaries: [SummaryDocument]) -> TextTable {
    var table = TextTable(
      "Compliance by steward",
      headers: [
        "project", "steward", "owed", "on time", "late", "waived", "overdue", "missed", "pending",
        "compliance",
        "waived share",
      ])
    for summary in summaries {
      for (steward, compliance) in summary.complianceBySteward.sorted(by: { $0.key < $1.key }) {
        table.append([summary.project, steward] + counts(compliance))
      }
    }
    return table
  }

  private static func counts(_ compliance: Compliance) -> [String] {
    [
      "\(compliance.owed)", "\(compliance.onTime)", "\(compliance.late)", "\(compliance.waived)",
      "\(compliance.overdue)", "\(compliance.missed)", "\(compliance.pending)",
      Figures.percent(compliance.rate),
      Figures.percent(compliance.waivedShare),
    ]
  }

  private static func satisfaction(_ summaries: [SummaryDocument], titles: [Label]) -> TextTable {
    var table = TextTable(
      "Satisfaction", headers: ["project", "dimension", "ratings", "mean", "rated 4-5"])
    for summary in summaries {
      for score in summary.satisfaction where score.ratings > 0 {
        table.append([
          summary.project, title(score.dimension, titles), "\(score.ratings)", Figures.decimal(score.mean),
          Figures.percent(score.satisfiedShare),
        ])
      }
    }
    return table
  }

  private static func hotIssues(_ summaries: [SummaryDocument], titles: [Label]) -> TextTable {
    var table = TextTable(
      "Hot issues (共性事项: raised by several households)",
      headers: ["project", "category", "items", "households", "common matter"])
    for summary in summaries {
      for issue in summary.hotIssues {
        table.append([
          summary.project, title(issue.category, titles), "\(issue.items)", "\(issue.households)",
          issue.commonMatter ? "共性事项" : "",
        ])
      }
    }
    return table
  }

  private static func title(_ id: String, _ labels: [Label]) -> String {
    labels.first { $0.id == id }.map { "\($0.title) (\(id))" } ?? id
  }
}
