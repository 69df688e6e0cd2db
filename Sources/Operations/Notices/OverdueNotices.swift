import CalendarSpec
import Foundation
import Messages
import Planner
import Policy

/// Overdue escalation as one message per audience per day: each steward their overdue visits, each project's
/// lead per-steward counts with the oldest households, operations per-project counts.
struct OverdueNotices {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan
  let escalation: Escalation

  /// How many of a steward's most overdue visits a lead's digest shows.
  static let oldestShown = 3

  /// The messages of the run at `instant`, the previous run having been at `previous`; keyed
  /// `overdue:steward:{steward}:{date}`, `overdue:lead:{project}:{date}` and `overdue:operations:{date}`.
  func messages(at instant: Date, previous: Date) -> [(key: String, message: OutboxMessage)] {
    let zone = rules.settings.timeZone
    let run = OverdueRun(
      escalation: escalation, day: LocalDate(instant, in: zone), previousDay: LocalDate(previous, in: zone),
      previous: previous)
    let tasks = plan.allTasks
    return run.audiences.flatMap { audience in
      run.tallies(of: tasks, for: audience).compactMap { scope, tally in
        run.isTold(tally) ? message(to: audience, scope: scope, tally: tally, on: run.day) : nil
      }
    }
  }

  private func message(to audience: Audience, scope: String, tally: OverdueRun.Tally, on day: LocalDate)
    -> (key: String, message: OutboxMessage)
  {
    let settled = tally.settled > 0 ? tally.settled : nil
    switch audience {
    case .steward:
      let content = StewardOverdueDigest(
        steward: stewardName(scope), date: "\(day)", visits: tally.items.map { visit($0, on: day) },
        settled: settled)
      return (
        "overdue:steward:\(scope):\(day)",
        OutboxMessage(
          audience: .steward, project: tally.project, content: .stewardOverdue(content),
          mentions: mention(scope), page: "/app/today", recipient: facts.recipient(scope))
      )
    case .projectLead:
      let content = LeadOverdueDigest(
        project: facts.projects[scope]?.name ?? scope, date: "\(day)",
        stewards: stewardCounts(tally.items, on: day), settled: settled)
      return (
        "overdue:lead:\(scope):\(day)",
        OutboxMessage(
          audience: .projectLead, project: scope, content: .leadOverdue(content),
          mentions: facts.projects[scope].map { mention($0.lead) } ?? [], page: "/app/lead",
          recipient: facts.projects[scope].flatMap { facts.recipient($0.lead) })
      )
    case .operations, .admin:
      let content = OperationsOverdueDigest(
        date: "\(day)", projects: projectCounts(tally.items, on: day), settled: settled)
      return (
        "overdue:\(audience.rawValue):\(day)",
        OutboxMessage(
          audience: audience, project: nil, content: .operationsOverdue(content), page: "/app/ops")
      )
    }
  }

  /// Per steward, most overdue visits first: the stewards with most first.
  private func stewardCounts(_ items: [OverdueRun.Item], on day: LocalDate) -> [StewardOverdueCount] {
    let bySteward = Dictionary(grouping: items, by: \.task.assignee)
    return bySteward.sorted { a, b in
      (-a.value.count, a.value[0].last, a.key) < (-b.value.count, b.value[0].last, b.key)
    }.map { steward, items in
      StewardOverdueCount(
        steward: stewardName(steward), count: items.count,
        oldest: items.prefix(Self.oldestShown).map { visit($0, on: day) })
    }
  }

  /// Per project: the projects with most first.
  private func projectCounts(_ items: [OverdueRun.Item], on day: LocalDate) -> [ProjectOverdueCount] {
    let byProject = Dictionary(grouping: items, by: \.task.project)
    return byProject.sorted { a, b in (-a.value.count, a.key) < (-b.value.count, b.key) }.map {
      project, items in
      ProjectOverdueCount(
        project: facts.projects[project]?.name ?? project, count: items.count,
        stewards: Set(items.map(\.task.assignee)).count, oldestDays: day.dayNumber - items[0].last.dayNumber)
    }
  }

  private func visit(_ item: OverdueRun.Item, on day: LocalDate) -> OverdueVisit {
    OverdueVisit(
      visit: VisitLines(rules: rules, facts: facts).line(item.task),
      daysOverdue: day.dayNumber - item.last.dayNumber)
  }

  private func stewardName(_ steward: String) -> String { facts.stewards[steward]?.name ?? steward }

  private func mention(_ steward: String) -> [String] {
    facts.stewards[steward]?.wecomUserID.map { [$0] } ?? []
  }
}
