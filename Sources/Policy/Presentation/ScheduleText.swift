extension Report {
  /// The report's thresholds as `key = value` phrases, in file spelling.
  public var thresholds: [String] {
    switch self {
    case .dailyDigest: return []
    case .overdueEscalation(let escalation): return escalation.thresholds
    case .spotCheck(let check): return ["behind-below = \(check.behindBelow)"]
    case .monthlySummary(let summary): return ["common-matter-households = \(summary.commonMatterHouseholds)"]
    case .captureRateRanking(let ranking):
      return [
        "rewards = \(ranking.rewards)", "last-penalty = \(ranking.lastPenalty)",
        "minimum-interviews = \(ranking.minimumInterviews)",
      ]
    case .verificationSample(let sample): return ["per-project = \(sample.perProject)"]
    }
  }
}

extension Escalation {
  fileprivate var thresholds: [String] {
    let steps = steps.map { step in
      step.after.count == 0
        ? "\(step.audience.rawValue) at due" : "\(step.audience.rawValue) \(step.after) after due"
    }
    return ["escalate = \(steps)"] + (repeatEvery.map { ["repeat-every = \($0)"] } ?? [])
  }
}
