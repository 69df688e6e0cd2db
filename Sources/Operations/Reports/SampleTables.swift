import CalendarSpec
import Foundation
import Planner
import Policy

/// `report sample` as a table.
public enum SampleTables {
  /// The verification sample's table and documents.
  public static func build(_ report: MonthReport) -> ReportOutput {
    let (size, documents) = report.samples()
    var table = TextTable(
      "Verification sample \(report.month), \(size.perProject) per project (reproducible)",
      headers: [
        "project", "visit", "household", "owner", "phone", "at", "channel", "kind", "steward", "interviewee",
      ])
    for document in documents {
      for visit in document.visits {
        table.append([
          document.project, visit.visit, visit.household, visit.owner, visit.phone, visit.at, visit.channel,
          visit.kind, visit.steward, visit.interviewee,
        ])
      }
    }
    return ReportOutput(tables: [table], document: documents)
  }
}
