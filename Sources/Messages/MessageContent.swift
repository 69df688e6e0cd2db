/// What a message says, one case per template.
public enum MessageContent: Codable, Sendable, Hashable {
  /// The steward's daily digest.
  case stewardDigest(StewardDigest)
  /// One overdue task for one step (outbox rows stored before the per-audience digests).
  case overdueEscalation(OverdueEscalation)
  /// A steward's overdue visits of the day.
  case stewardOverdue(StewardOverdueDigest)
  /// A project lead's per-steward overdue counts of the day.
  case leadOverdue(LeadOverdueDigest)
  /// Operations' per-project overdue counts of the day.
  case operationsOverdue(OperationsOverdueDigest)
  /// The 15th spot check.
  case spotCheck(SpotCheckNotice)
  /// The 25th summary (and the ranking, in rows stored before it had its own).
  case monthlySummary(MonthlySummaryReport)
  /// The 1st's capture-rate ranking.
  case captureRanking(CaptureRankingReport)
  /// The verification sample.
  case verificationSample(VerificationSampleReport)
  /// A dead-letter notice for the admin.
  case deadLetter(DeadLetterNotice)
  /// The weekly alert that next year's holidays file is missing.
  case holidaysMissing(HolidaysMissingNotice)

  /// The template's name (`steward-digest`).
  public var template: String {
    switch self {
    case .stewardDigest: "steward-digest"
    case .overdueEscalation: "overdue-escalation"
    case .stewardOverdue: "steward-overdue"
    case .leadOverdue: "lead-overdue"
    case .operationsOverdue: "operations-overdue"
    case .spotCheck: "spot-check"
    case .monthlySummary: "monthly-summary"
    case .captureRanking: "capture-ranking"
    case .verificationSample: "verification-sample"
    case .deadLetter: "dead-letter"
    case .holidaysMissing: "holidays-missing"
    }
  }

  /// The payload the template renders.
  public var model: Any {
    switch self {
    case .stewardDigest(let value): value
    case .overdueEscalation(let value): value
    case .stewardOverdue(let value): value
    case .leadOverdue(let value): value
    case .operationsOverdue(let value): value
    case .spotCheck(let value): value
    case .monthlySummary(let value): value
    case .captureRanking(let value): value
    case .verificationSample(let value): value
    case .deadLetter(let value): value
    case .holidaysMissing(let value): value
    }
  }
}
