import CalendarSpec

extension FileChecker {
  /// The report a schedule names, with its thresholds.
  mutating func report(_ name: ReportName, _ section: Section) -> Report? {
    switch name {
    case .dailyDigest: return .dailyDigest
    case .overdueEscalation: return escalation(section).map(Report.overdueEscalation)
    case .spotCheck: return spotCheck(section).map(Report.spotCheck)
    case .monthlySummary:
      return int(section, "common-matter-households", minimum: 2, required: true)
        .map { .monthlySummary(Summary(commonMatterHouseholds: $0)) }
    case .captureRateRanking: return ranking(section).map(Report.captureRateRanking)
    case .verificationSample:
      return int(section, "per-project", minimum: 1, required: true).map {
        .verificationSample(Sample(perProject: $0))
      }
    }
  }

  private mutating func spotCheck(_ section: Section) -> SpotCheck? {
    guard let share = number(section, "behind-below", required: true) else { return nil }
    guard share > 0, share <= 1 else {
      report(section.ref, "behind-below", "\(share) is not a share; expected a number above 0 and at most 1")
      return nil
    }
    return SpotCheck(behindBelow: share)
  }

  private mutating func ranking(_ section: Section) -> Ranking? {
    let minimum = int(section, "minimum-interviews", minimum: 1, required: true)
    let penalty = int(section, "last-penalty", minimum: 0, required: true)
    let rewards = amounts(section, "rewards")
    guard let minimum, let penalty, let rewards else { return nil }
    return Ranking(minimumInterviews: minimum, rewards: rewards, lastPenalty: penalty)
  }

  private mutating func amounts(_ section: Section, _ key: String) -> [Int]? {
    let expected = "an array of amounts in yuan, first place first"
    guard let node = value(section, key, required: true, expected: expected) else { return nil }
    guard case .array(let items) = node, !items.isEmpty else {
      wrongType(section, key, expected: expected, found: node)
      return nil
    }
    let amounts = items.compactMap { if case .int(let amount) = $0, amount >= 0 { amount } else { nil } }
    guard amounts.count == items.count else {
      report(section.ref, key, "expected \(expected), each a whole number of at least 0")
      return nil
    }
    return amounts
  }
}
