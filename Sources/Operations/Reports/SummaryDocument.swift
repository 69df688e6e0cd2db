import CalendarSpec
import Planner

/// A monthly summary as JSON prints it: counts by kind and channel keyed by their names.
public struct SummaryDocument: Encodable, Sendable {
  /// The project.
  public let project: String
  /// The month.
  public let month: YearMonth
  /// Reached visits by kind (basic, deep).
  public let visitsByKind: [String: Int]
  /// Reached visits by channel.
  public let visitsByChannel: [String: Int]
  /// Visits that reached the owner.
  public let reached: Int
  /// Attempts that did not.
  public let attempted: Int
  /// In-home visits outside the visiting window.
  public let outOfWindow: Int
  /// Tickets raised by the month's visits.
  public let ticketsRaised: Int
  /// Grade changes recorded in the month.
  public let gradeChanges: Int
  /// State changes recorded in the month.
  public let stateChanges: Int
  /// Owed, on time, late, waived, overdue, missed and pending, and the rate.
  public let compliance: Compliance
  /// The same by steward.
  public let complianceBySteward: [String: Compliance]
  /// Satisfaction by dimension.
  public let satisfaction: [DimensionScore]
  /// Feedback categories by frequency, common matters flagged.
  public let hotIssues: [HotIssue]

  /// `summary` as a document.
  public init(_ summary: MonthlySummary) {
    project = summary.project
    month = summary.month
    visitsByKind = Dictionary(uniqueKeysWithValues: summary.visitsByKind.map { ($0.key.rawValue, $0.value) })
    visitsByChannel = Dictionary(
      uniqueKeysWithValues: summary.visitsByChannel.map { ($0.key.rawValue, $0.value) })
    reached = summary.reached
    attempted = summary.attempted
    outOfWindow = summary.outOfWindow
    ticketsRaised = summary.ticketsRaised
    gradeChanges = summary.gradeChanges
    stateChanges = summary.stateChanges
    compliance = summary.compliance
    complianceBySteward = summary.complianceBySteward
    satisfaction = summary.satisfaction
    hotIssues = summary.hotIssues
  }
}
