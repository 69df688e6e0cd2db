import CalendarSpec
import Foundation
import Planner
import Policy

/// One run of the overdue escalation: which tasks each audience hears of today, and whether it is told.
///
/// Decisions: a task reaches a step's audience once it is that step's span past its last day (due, or grace),
/// and is listed for that audience from the next run on, until it is settled: a later step adds an audience, it
/// does not take the task from an earlier one. An audience is told when a task reached it since the previous
/// run, again every `repeat-every` (counted from the day after its oldest listed task reached it; without
/// `repeat-every` only when something new reached it), and once more when its list has emptied because tasks
/// were settled (已清零). A missed quota task is listed only on the first run after each step is reached, so it
/// is told through its steps once and then no more. The previous run is the schedule's previous elapse, and what
/// was settled since is read from the settlements' dates, so no state is kept between runs.
struct OverdueRun {
  /// The escalation's steps and repeat interval.
  let escalation: Escalation
  /// The run's day.
  let day: LocalDate
  /// The previous run's day.
  let previousDay: LocalDate
  /// The previous run's instant.
  let previous: Date

  /// An escalated task as one audience sees it.
  struct Item {
    /// The task.
    let task: VisitTask
    /// Its last day: due, or the end of its grace.
    let last: LocalDate
    /// The day its step for the audience is reached.
    let reached: LocalDate

    /// Most overdue first, then by task id.
    static func before(_ a: Item, _ b: Item) -> Bool { (a.last, a.task.id) < (b.last, b.task.id) }
  }

  /// What one member of an audience (a steward, a project's lead, operations) hears of.
  struct Tally {
    /// The tasks listed today, most overdue first.
    var items: [Item] = []
    /// Tasks listed at the previous run and settled since.
    var settled = 0
    /// The project of the first task seen, for routing.
    var project: String?
  }

  /// The audiences of the steps, in step order, each once.
  var audiences: [Audience] {
    escalation.steps.map(\.audience).reduce(into: [Audience]()) { seen, audience in
      if !seen.contains(audience) { seen.append(audience) }
    }
  }

  /// The tallies of `audience` among `tasks`, by scope (steward id, project id, or "" for operations and admin).
  func tallies(of tasks: [VisitTask], for audience: Audience) -> [(scope: String, tally: Tally)] {
    guard let after = escalation.steps.first(where: { $0.audience == audience })?.after else { return [] }
    var byScope: [String: Tally] = [:]
    for task in tasks {
      guard let last = task.graceEnd ?? task.due else { continue }
      let item = Item(task: task, last: last, reached: after.added(to: last))
      let listed = lists(item)
      guard listed || settledSincePrevious(item) else { continue }
      let scope = Self.scope(of: task, for: audience)
      var tally = byScope[scope] ?? Tally(project: task.project)
      if listed { tally.items.append(item) } else { tally.settled += 1 }
      byScope[scope] = tally
    }
    return byScope.keys.sorted().map { scope in
      var tally = byScope[scope] ?? Tally()
      tally.items.sort(by: Item.before)
      return (scope, tally)
    }
  }

  /// Whether the audience is told today (see the type's decisions).
  func isTold(_ tally: Tally) -> Bool {
    if tally.items.isEmpty { return tally.settled > 0 }
    if tally.items.contains(where: { $0.reached >= previousDay }) { return true }
    guard let every = escalation.repeatEvery, let oldest = tally.items.map(\.reached).min() else {
      return false
    }
    var told = oldest.adding(days: 1)
    while told <= day {
      if told > previousDay { return true }
      let next = every.added(to: told)
      guard next > told else { return false }
      told = next
    }
    return false
  }

  /// Whether the task is listed today: overdue with its step reached before today, or missed with its step
  /// reached since the previous run.
  private func lists(_ item: Item) -> Bool {
    guard item.reached < day else { return false }
    switch item.task.state {
    case .overdue: return true
    case .missed: return item.reached >= previousDay
    default: return false
    }
  }

  /// Whether the task was listed at the previous run as overdue and a visit, waiver or cancellation dated since
  /// settled it.
  private func settledSincePrevious(_ item: Item) -> Bool {
    guard item.reached < previousDay, item.task.state != .missed, let settled = item.task.settlement?.at
    else {
      return false
    }
    return settled >= previous
  }

  private static func scope(of task: VisitTask, for audience: Audience) -> String {
    switch audience {
    case .steward: task.assignee
    case .projectLead: task.project
    case .operations, .admin: ""
    }
  }
}
