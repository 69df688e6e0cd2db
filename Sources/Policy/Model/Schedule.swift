import CalendarSpec

/// A report sent to an audience whenever a calendar expression elapses.
public struct Schedule: Sendable, Hashable, Identifiable {
  /// The schedule's id, unique in the schedules file.
  public var id: String
  /// A short title people read.
  public var title: String
  /// When it runs, as a systemd calendar expression in the project's zone unless it names one.
  public var calendar: CalendarEvent
  /// Whether it runs on every day the expression names or on working days only.
  public var days: DayFilter
  /// Who receives it.
  public var audience: Audience
  /// What it reports, with the report's thresholds.
  public var report: Report

  /// A schedule from its parts.
  public init(
    id: String, title: String, calendar: CalendarEvent, days: DayFilter, audience: Audience,
    report: Report
  ) {
    self.id = id
    self.title = title
    self.calendar = calendar
    self.days = days
    self.audience = audience
    self.report = report
  }
}

/// Which of the days a calendar expression names a schedule runs on.
public enum DayFilter: String, CaseIterable, Sendable, Hashable {
  /// Every day the expression names.
  case all
  /// Only working days of the holiday calendar (make-up days included, off days skipped).
  case working
}

/// Who receives a schedule's report or a message; receivers are routed by it.
public enum Audience: String, CaseIterable, Sendable, Hashable, Codable {
  /// Each steward, about their own households.
  case steward
  /// Each project lead (项目负责人), about their project.
  case projectLead = "project-lead"
  /// The operations department (运营管理部).
  case operations
  /// The server's admin (dead letters, failures).
  case admin

  /// The audience a word names: its raw value, or `lead`, the project lead's name in receivers files and
  /// outbox rows written before the two audiences were one.
  public init?(word: String) {
    self.init(rawValue: word == "lead" ? Audience.projectLead.rawValue : word)
  }

  /// Decodes the raw value or `lead`.
  public init(from decoder: any Decoder) throws {
    let word = try decoder.singleValueContainer().decode(String.self)
    guard let audience = Audience(word: word) else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "unknown audience '\(word)'"))
    }
    self = audience
  }
}

/// A report and its thresholds.
public enum Report: Sendable, Hashable {
  /// Each steward's visits for the day, then what is overdue.
  case dailyDigest
  /// Overdue tasks escalated step by step until settled.
  case overdueEscalation(Escalation)
  /// The mid-month check of each steward's progress against plan.
  case spotCheck(SpotCheck)
  /// The monthly summary of visits, compliance, satisfaction and hot issues.
  case monthlySummary(Summary)
  /// The ranking of projects by information-capture rate, with rewards and penalty.
  case captureRateRanking(Ranking)
  /// The random sample of completed visits that operations calls back.
  case verificationSample(Sample)

  /// The report's name as written in the schedules file.
  public var name: String {
    switch self {
    case .dailyDigest: return "daily-digest"
    case .overdueEscalation: return "overdue-escalation"
    case .spotCheck: return "spot-check"
    case .monthlySummary: return "monthly-summary"
    case .captureRateRanking: return "capture-rate-ranking"
    case .verificationSample: return "verification-sample"
    }
  }
}

/// Who hears of an overdue task, and when.
public struct Escalation: Sendable, Hashable {
  /// The steps in order: each audience is told once the task is that long past due.
  public var steps: [EscalationStep]
  /// How often a step's message is repeated while the task stays unsettled; nil means once.
  public var repeatEvery: CalendarSpan?

  /// An escalation from its steps and repeat interval.
  public init(steps: [EscalationStep], repeatEvery: CalendarSpan?) {
    self.steps = steps
    self.repeatEvery = repeatEvery
  }
}

/// One step of an escalation.
public struct EscalationStep: Sendable, Hashable {
  /// Who is told.
  public var audience: Audience
  /// How long after the due date (plus grace) they are told.
  public var after: CalendarSpan

  /// A step telling `audience` once a task is `after` past due.
  public init(audience: Audience, after: CalendarSpan) {
    self.audience = audience
    self.after = after
  }
}

/// Thresholds of the mid-month spot check.
public struct SpotCheck: Sendable, Hashable {
  /// A steward is behind when done ÷ expected falls below this share (0…1).
  public var behindBelow: Double

  /// A spot check that calls a steward behind below `behindBelow` of the expected progress.
  public init(behindBelow: Double) { self.behindBelow = behindBelow }
}

/// Thresholds of the monthly summary.
public struct Summary: Sendable, Hashable {
  /// A feedback category raised by at least this many households of a project is a common matter (共性事项).
  public var commonMatterHouseholds: Int

  /// A summary flagging categories raised by `commonMatterHouseholds` households or more.
  public init(commonMatterHouseholds: Int) { self.commonMatterHouseholds = commonMatterHouseholds }
}

/// Rules of the capture-rate ranking.
public struct Ranking: Sendable, Hashable {
  /// The fewest households interviewed in the month for a project to be ranked.
  public var minimumInterviews: Int
  /// Rewards of the top projects, first place first (yuan).
  public var rewards: [Int]
  /// Penalty of the last-ranked project (yuan).
  public var lastPenalty: Int

  /// A ranking from its minimum sample, rewards and penalty.
  public init(minimumInterviews: Int, rewards: [Int], lastPenalty: Int) {
    self.minimumInterviews = minimumInterviews
    self.rewards = rewards
    self.lastPenalty = lastPenalty
  }
}

/// Size of the monthly verification sample.
public struct Sample: Sendable, Hashable {
  /// Visits drawn per project per month (all of them when fewer).
  public var perProject: Int

  /// A sample of `perProject` visits per project per month.
  public init(perProject: Int) { self.perProject = perProject }
}
