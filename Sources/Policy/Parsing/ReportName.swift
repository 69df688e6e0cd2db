/// The reports a schedule can name, with the keys each one takes besides the common ones.
enum ReportName: String, CaseIterable, Word {
  case dailyDigest = "daily-digest"
  case overdueEscalation = "overdue-escalation"
  case spotCheck = "spot-check"
  case monthlySummary = "monthly-summary"
  case captureRateRanking = "capture-rate-ranking"
  case verificationSample = "verification-sample"

  static var noun: String { "report" }

  /// The keys of a schedule of this report, the report's thresholds included.
  var keys: [String] {
    let common = ["id", "title", "calendar", "days", "report"]
    switch self {
    case .dailyDigest: return common + ["audience"]
    case .overdueEscalation: return common + ["escalate", "repeat-every"]
    case .spotCheck: return common + ["audience", "behind-below"]
    case .monthlySummary: return common + ["audience", "common-matter-households"]
    case .captureRateRanking: return common + ["audience", "rewards", "last-penalty", "minimum-interviews"]
    case .verificationSample: return common + ["audience", "per-project"]
    }
  }
}
