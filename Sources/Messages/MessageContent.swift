import Policy

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
  /// A one-time sign-in link to the web app.
  case signInLink(SignInLinkNotice)
  /// One planned visit for the steward's own calendar (WeCom 日程, `wecom-calendar` receivers only).
  case plannedVisit(PlannedVisitNotice)

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
    case .signInLink: "sign-in-link"
    case .plannedVisit: "planned-visit"
    }
  }

  /// The payload the template renders.
  public var model: Any {
    switch self {
    case .stewardDigest(let value): return value
    case .overdueEscalation(var value):
      // Rows stored before the audiences had Chinese names hold the rules' word (`project-lead`).
      value.step = Audience(word: value.step)?.chineseName ?? value.step
      return value
    case .stewardOverdue(let value): return value
    case .leadOverdue(let value): return value
    case .operationsOverdue(let value): return value
    case .spotCheck(let value): return value
    case .monthlySummary(let value): return value
    case .captureRanking(let value): return value
    case .verificationSample(let value): return value
    case .deadLetter(let value): return value
    case .holidaysMissing(let value): return value
    case .signInLink(let value): return value
    case .plannedVisit(let value): return value
    }
  }
}
