/// One steward's progress in the mid-month spot check.
public struct StewardProgress: Codable, Sendable, Hashable {
  /// Rank among those behind plan (1 = furthest behind).
  public var rank: Int
  /// The steward's name.
  public var steward: String
  /// Visits planned up to today.
  public var planned: Int
  /// Visits done.
  public var done: Int
  /// Visits behind plan.
  public var behind: Int
  /// Visits of earlier months still overdue, nil when none (or in messages stored before it was added).
  public var carried: Int?

  /// A progress line.
  public init(rank: Int, steward: String, planned: Int, done: Int, behind: Int, carried: Int? = nil) {
    self.rank = rank
    self.steward = steward
    self.planned = planned
    self.done = done
    self.behind = behind
    self.carried = carried
  }
}

/// The 15th spot check for a project's lead.
public struct SpotCheckNotice: Codable, Sendable, Hashable {
  /// The project's name.
  public var project: String
  /// The month (`2026-11`).
  public var month: String
  /// Stewards behind plan or with overdue visits carried over from earlier months, most at risk first.
  public var stewards: [StewardProgress]
  /// How many of the project's other stewards are on plan, nil in messages stored before it was added.
  public var onPlan: Int?

  /// A spot check.
  public init(project: String, month: String, stewards: [StewardProgress], onPlan: Int? = nil) {
    self.project = project
    self.month = month
    self.stewards = stewards
    self.onPlan = onPlan
  }
}

/// One project's line in the monthly summary.
public struct ProjectSummaryLine: Codable, Sendable, Hashable {
  /// The project's name.
  public var project: String
  /// Visits owed this month.
  public var owed: Int
  /// Done on time.
  public var onTime: Int
  /// Done late.
  public var late: Int
  /// Waived.
  public var waived: Int
  /// Still overdue.
  public var overdue: Int
  /// Compliance as text (`92.5%`).
  public var compliance: String
  /// Overall satisfaction as text (`4.6`).
  public var satisfaction: String

  /// A summary line.
  public init(
    project: String, owed: Int, onTime: Int, late: Int, waived: Int, overdue: Int, compliance: String,
    satisfaction: String
  ) {
    self.project = project
    self.owed = owed
    self.onTime = onTime
    self.late = late
    self.waived = waived
    self.overdue = overdue
    self.compliance = compliance
    self.satisfaction = satisfaction
  }
}

/// One project's place in the capture-rate ranking.
public struct RankingLine: Codable, Sendable, Hashable {
  /// The rank, nil when too few interviews to rank.
  public var rank: Int?
  /// The project's name.
  public var project: String
  /// The capture rate as text (`112.0%`).
  public var rate: String
  /// Households interviewed.
  public var interviewed: Int
  /// The reward in yuan, nil when none.
  public var reward: Int?
  /// The penalty in yuan, nil when none.
  public var penalty: Int?

  /// A ranking line.
  public init(
    rank: Int?, project: String, rate: String, interviewed: Int, reward: Int? = nil, penalty: Int? = nil
  ) {
    self.rank = rank
    self.project = project
    self.rate = rate
    self.interviewed = interviewed
    self.reward = reward
    self.penalty = penalty
  }
}

/// The 1st's capture-rate ranking of the month just ended, with the rewards and the penalty the rules set.
public struct CaptureRankingReport: Codable, Sendable, Hashable {
  /// The month ranked (`2026-11`).
  public var month: String
  /// Ranked projects by place, then the unranked ones.
  public var ranking: [RankingLine]
  /// The rewards of the top places in yuan, as text (`500/300/200`).
  public var rewards: String
  /// How many places are rewarded.
  public var rewarded: Int
  /// The last place's penalty in yuan.
  public var lastPenalty: Int
  /// The fewest interviews a project needs to be ranked.
  public var minimumInterviews: Int

  /// A ranking.
  public init(
    month: String, ranking: [RankingLine], rewards: [Int], lastPenalty: Int, minimumInterviews: Int
  ) {
    self.month = month
    self.ranking = ranking
    self.rewards = rewards.map(String.init).joined(separator: "/")
    self.rewarded = rewards.count
    self.lastPenalty = lastPenalty
    self.minimumInterviews = minimumInterviews
  }
}

/// The 25th summary for operations with the hot issues (and the ranking, in messages stored before the ranking
/// had its own).
public struct MonthlySummaryReport: Codable, Sendable, Hashable {
  /// The month (`2026-11`).
  public var month: String
  /// One line per project.
  public var projects: [ProjectSummaryLine]
  /// The capture-rate ranking.
  public var ranking: [RankingLine]
  /// Hot issues (`维修 ×12（共性事项）`).
  public var hotIssues: [String]

  /// A summary.
  public init(month: String, projects: [ProjectSummaryLine], ranking: [RankingLine], hotIssues: [String]) {
    self.month = month
    self.projects = projects
    self.ranking = ranking
    self.hotIssues = hotIssues
  }
}

/// A visit operations should call back to verify.
public struct SampledVisit: Codable, Sendable, Hashable {
  /// Who was visited (masked).
  public var owner: OwnerRef
  /// When (`2026-11-12 18:05`).
  public var at: String
  /// The steward who recorded it.
  public var steward: String
  /// The channel as a word.
  public var channel: String

  /// A sampled visit.
  public init(owner: OwnerRef, at: String, steward: String, channel: String) {
    self.owner = owner
    self.at = at
    self.steward = steward
    self.channel = channel
  }
}

/// The month's verification sample of one project.
public struct VerificationSampleReport: Codable, Sendable, Hashable {
  /// The project's name.
  public var project: String
  /// The month (`2026-11`).
  public var month: String
  /// The sampled visits.
  public var visits: [SampledVisit]

  /// A sample.
  public init(project: String, month: String, visits: [SampledVisit]) {
    self.project = project
    self.month = month
    self.visits = visits
  }
}

/// Tells the admin a message was given up on.
public struct DeadLetterNotice: Codable, Sendable, Hashable {
  /// The outbox row id, for `visitctl outbox retry`.
  public var id: Int64
  /// The row's key.
  public var key: String
  /// Who it was for, as a word (`管家`).
  public var channel: String
  /// Requests sent.
  public var attempts: Int
  /// Why it died (redacted).
  public var error: String

  /// A notice.
  public init(id: Int64, key: String, channel: String, attempts: Int, error: String) {
    self.id = id
    self.key = key
    self.channel = channel
    self.attempts = attempts
    self.error = error
  }
}

/// Tells the admin, once a week from 1 November, that next year's official holidays file is not installed.
public struct HolidaysMissingNotice: Codable, Sendable, Hashable {
  /// The year without its file (`2027`).
  public var year: Int
  /// The file to install (`holidays-2027.toml`).
  public var file: String

  /// A notice.
  public init(year: Int, file: String) {
    self.year = year
    self.file = file
  }
}
