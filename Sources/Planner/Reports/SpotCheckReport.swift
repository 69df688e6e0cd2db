import CalendarSpec
import Foundation
import Policy

/// The mid-month check of one steward's progress against the month's plan.
public struct StewardProgress: Sendable, Hashable, Encodable {
  /// The project.
  public let project: String
  /// The steward.
  public let steward: String
  /// Tasks planned this month (cancelled ones left out).
  public let owed: Int
  /// Of those, done by a visit (late included).
  public let done: Int
  /// Of those, waived.
  public let waived: Int
  /// Contacts this month that reached nobody or were refused.
  public let attempted: Int
  /// Tasks planned in earlier months still overdue.
  public let overdueCarried: Int
  /// Tasks expected done by now: owed × working days elapsed ÷ the month's working days.
  public let expected: Double
  /// Done and waived ÷ expected (1 when nothing is expected yet).
  public let progress: Double
  /// Whether progress is below the schedule's threshold.
  public let behind: Bool
  /// The steward's last reached contact, if any.
  public let lastContact: Date?
}

/// The mid-month spot check (每月月中抽查): each steward's progress, most at risk first.
public struct SpotCheckReport: Sendable, Hashable {
  /// The month checked.
  public let month: YearMonth
  /// The day checked on.
  public let asOf: LocalDate
  /// One row per project and steward, ranked by risk: lowest progress first, then longest since last contact.
  public let stewards: [StewardProgress]

  /// The spot check of `month` as of `asOf` (inclusive), with a steward behind below `threshold.behindBelow`.
  ///
  /// Decision: the expected share counts the month's working days up to and including `asOf`.
  public init(
    plan: Plan, facts: Facts, rules: RuleSet, month: YearMonth, asOf: LocalDate, threshold: SpotCheck
  ) {
    self.month = month
    self.asOf = asOf
    let days = rules.holidays.workingDays(inMonthOf: month.firstDay)
    let share = days.isEmpty ? 1 : Double(days.filter { $0 <= asOf }.count) / Double(days.count)
    var rows: [StewardProgress] = []
    for project in facts.projectIDs {
      let scope = ReportScope(
        project: project, month: month, facts: facts, defaultZone: rules.settings.timeZone, until: plan.clock)
      rows += SpotCheckReport.rows(
        plan.tasks(inProject: project), scope: scope, share: share, threshold: threshold)
    }
    stewards = rows.sorted {
      ($0.progress, $0.lastContact ?? .distantPast, $0.project, $0.steward)
        < ($1.progress, $1.lastContact ?? .distantPast, $1.project, $1.steward)
    }
  }

  private static func rows(_ tasks: [VisitTask], scope: ReportScope, share: Double, threshold: SpotCheck)
    -> [StewardProgress]
  {
    let contacts = scope.contacts
    let bySteward = Dictionary(grouping: tasks.filter { $0.state != .cancelled }, by: \.assignee)
    let names = Set(bySteward.keys).union(contacts.map(\.steward)).sorted()
    return names.map { steward in
      let mine = bySteward[steward] ?? []
      let owedTasks = mine.filter { $0.plannedMonth == scope.month }
      let done = owedTasks.filter { $0.state == .done || $0.state == .late }.count
      let waived = owedTasks.filter { $0.state == .waived }.count
      let expected = Double(owedTasks.count) * share
      let progress = expected == 0 ? 1 : Double(done + waived) / expected
      let own = contacts.filter { $0.steward == steward }
      return StewardProgress(
        project: scope.project, steward: steward, owed: owedTasks.count, done: done, waived: waived,
        attempted: own.filter { $0.outcome != .reached }.count,
        overdueCarried: mine.filter { $0.state == .overdue && $0.plannedMonth < scope.month }.count,
        expected: expected, progress: progress, behind: progress < threshold.behindBelow,
        lastContact: scope.facts.lastReached(by: steward, households: scope.households, until: scope.until))
    }
  }
}

extension Facts {
  /// The last reached contact a steward made with any of `households`.
  func lastReached(by steward: String, households: [String], until: Date) -> Date? {
    households.compactMap {
      visits(of: $0).last { $0.steward == steward && $0.outcome == .reached && $0.at <= until }?.at
    }.max()
  }
}
