/// One overdue visit in an escalation digest.
public struct OverdueVisit: Codable, Sendable, Hashable {
  /// The visit owed.
  public var visit: VisitLine
  /// Days past its last day (due, or grace when the rule has one).
  public var daysOverdue: Int

  /// An overdue visit.
  public init(visit: VisitLine, daysOverdue: Int) {
    self.visit = visit
    self.daysOverdue = daysOverdue
  }
}

/// A steward's overdue visits of the day, most overdue first, or word that none is left.
public struct StewardOverdueDigest: Codable, Sendable, Hashable {
  /// The steward's name as colleagues know it.
  public var steward: String
  /// The day as text (`2026-11-27`).
  public var date: String
  /// How many visits are overdue.
  public var total: Int
  /// The overdue visits, most overdue first.
  public var visits: [OverdueVisit]
  /// Overdue visits settled since the previous run, nil when none.
  public var settled: Int?
  /// Whether this says the steward's overdue visits are all settled (已清零).
  public var cleared: Bool

  /// A steward's overdue digest.
  public init(steward: String, date: String, visits: [OverdueVisit], settled: Int?) {
    self.steward = steward
    self.date = date
    self.total = visits.count
    self.visits = visits
    self.settled = settled
    self.cleared = visits.isEmpty
  }
}

/// One steward's line in a lead's overdue digest.
public struct StewardOverdueCount: Codable, Sendable, Hashable {
  /// The steward's name.
  public var steward: String
  /// How many of their visits are overdue for the lead.
  public var count: Int
  /// Their most overdue visits (a few).
  public var oldest: [OverdueVisit]

  /// A steward's count.
  public init(steward: String, count: Int, oldest: [OverdueVisit]) {
    self.steward = steward
    self.count = count
    self.oldest = oldest
  }
}

/// A project lead's overdue digest: per-steward counts with each steward's oldest households.
public struct LeadOverdueDigest: Codable, Sendable, Hashable {
  /// The project's name.
  public var project: String
  /// The day as text (`2026-11-27`).
  public var date: String
  /// How many visits of the project are overdue for the lead.
  public var total: Int
  /// The stewards with overdue visits, most first.
  public var stewards: [StewardOverdueCount]
  /// Overdue visits settled since the previous run, nil when none.
  public var settled: Int?
  /// Whether this says the project's escalated visits are all settled (已清零).
  public var cleared: Bool

  /// A lead's overdue digest.
  public init(project: String, date: String, stewards: [StewardOverdueCount], settled: Int?) {
    self.project = project
    self.date = date
    self.total = stewards.reduce(0) { $0 + $1.count }
    self.stewards = stewards
    self.settled = settled
    self.cleared = stewards.isEmpty
  }
}

/// One project's line in operations' overdue digest.
public struct ProjectOverdueCount: Codable, Sendable, Hashable {
  /// The project's name.
  public var project: String
  /// How many of its visits are overdue for operations.
  public var count: Int
  /// How many stewards owe them.
  public var stewards: Int
  /// Days past due of the most overdue one.
  public var oldestDays: Int

  /// A project's count.
  public init(project: String, count: Int, stewards: Int, oldestDays: Int) {
    self.project = project
    self.count = count
    self.stewards = stewards
    self.oldestDays = oldestDays
  }
}

/// Operations' overdue digest: per-project counts.
public struct OperationsOverdueDigest: Codable, Sendable, Hashable {
  /// The day as text (`2026-11-27`).
  public var date: String
  /// How many visits are overdue for operations, all projects.
  public var total: Int
  /// The projects with overdue visits, most first.
  public var projects: [ProjectOverdueCount]
  /// Overdue visits settled since the previous run, nil when none.
  public var settled: Int?
  /// Whether this says every escalated visit is settled (已清零).
  public var cleared: Bool

  /// Operations' overdue digest.
  public init(date: String, projects: [ProjectOverdueCount], settled: Int?) {
    self.date = date
    self.total = projects.reduce(0) { $0 + $1.count }
    self.projects = projects
    self.settled = settled
    self.cleared = projects.isEmpty
  }
}
