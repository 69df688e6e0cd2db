import CalendarSpec
import Foundation
import Policy

/// The monthly summary of one project (reported on the 25th to operations).
public struct MonthlySummary: Sendable, Hashable, Encodable {
  /// The project.
  public let project: String
  /// The month.
  public let month: YearMonth
  /// Reached visits by kind.
  public let visitsByKind: [InterviewKind: Int]
  /// Reached visits by channel.
  public let visitsByChannel: [Channel: Int]
  /// Contacts that reached someone.
  public let reached: Int
  /// Contacts that reached nobody or were refused (attempts).
  public let attempted: Int
  /// Reached in-home visits outside the settings' daily visiting window (flagged).
  public let outOfWindow: Int
  /// Tickets raised by the month's visits.
  public let ticketsRaised: Int
  /// Grade changes recorded in the month.
  public let gradeChanges: Int
  /// State changes recorded in the month (first states, deliveries, left out).
  public let stateChanges: Int
  /// The project's compliance over tasks planned in the month (waivers and their share inside).
  public let compliance: Compliance
  /// Compliance per steward.
  public let complianceBySteward: [String: Compliance]
  /// Satisfaction per dimension, in the settings' order.
  public let satisfaction: [DimensionScore]
  /// Feedback categories by frequency, most frequent first.
  public let hotIssues: [HotIssue]

  /// The summary of `project` in `month`, common matters at `threshold.commonMatterHouseholds` households.
  ///
  /// Decision: compliance counts the tasks planned in the month (the monthly plan), in their state at the
  /// plan's clock; waivers are counted in it and their share is `compliance.waivedShare`.
  public init(project: String, month: YearMonth, plan: Plan, facts: Facts, rules: RuleSet, threshold: Summary)
  {
    let scope = ReportScope(
      project: project, month: month, facts: facts, defaultZone: rules.settings.timeZone, until: plan.clock)
    let contacts = scope.contacts
    let visits = contacts.filter { $0.outcome == .reached }
    self.project = project
    self.month = month
    visitsByKind = Dictionary(grouping: visits, by: \.kind).mapValues(\.count)
    visitsByChannel = Dictionary(grouping: visits, by: \.channel).mapValues(\.count)
    reached = visits.count
    attempted = contacts.count - visits.count
    let window = rules.settings.visitingWindow.hours
    outOfWindow =
      visits.filter { $0.channel == .inHome && !window.holdsVisit(atMinute: scope.zone.minute($0.at)) }.count
    ticketsRaised = visits.reduce(0) { $0 + $1.captured.tickets.count }
    let households = scope.households.compactMap { facts.households[$0] }
    gradeChanges = households.reduce(0) {
      $0 + $1.grades.dropFirst().filter { scope.inMonth($0.since) }.count
    }
    stateChanges = households.reduce(0) {
      $0 + $1.states.dropFirst().filter { scope.inMonth($0.since) }.count
    }
    var total = Compliance()
    var bySteward: [String: Compliance] = [:]
    for task in plan.tasks(inProject: project) where task.plannedMonth == month {
      total.count(task)
      bySteward[task.assignee, default: Compliance()].count(task)
    }
    compliance = total
    complianceBySteward = bySteward
    satisfaction = rules.settings.dimensions.map { label in
      DimensionScore(dimension: label.id, values: visits.compactMap { $0.captured.ratings[label.id] })
    }
    hotIssues = MonthlySummary.hotIssues(visits, threshold: threshold.commonMatterHouseholds)
  }

  private static func hotIssues(_ visits: [Visit], threshold: Int) -> [HotIssue] {
    var items: [String: Int] = [:]
    var households: [String: Set<String>] = [:]
    for visit in visits {
      for item in visit.captured.feedback {
        items[item.category, default: 0] += 1
        households[item.category, default: []].insert(visit.household)
      }
    }
    return items.keys.map { category in
      let raisedBy = households[category]?.count ?? 0
      return HotIssue(
        category: category, items: items[category] ?? 0, households: raisedBy,
        commonMatter: raisedBy >= threshold)
    }.sorted { ($1.items, $1.households, $0.category) < ($0.items, $0.households, $1.category) }
  }
}
