import CalendarSpec
import Delivery
import Foundation
import Planner
import Policy

/// Each steward's daily digest: this month's open visits grouped by building, then what is overdue.
struct StewardDigests {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan

  /// One message per steward with anything open or overdue, keyed `digest:{steward}:{date}`.
  func messages(on day: LocalDate) -> [(key: String, message: OutboxMessage)] {
    let month = YearMonth(day)
    var bySteward: [String: [VisitTask]] = [:]
    for task in plan.allTasks
    where task.state == .overdue || (task.state == .open && task.plannedMonth <= month) {
      bySteward[task.assignee, default: []].append(task)
    }
    return bySteward.keys.sorted().map { steward in
      ("digest:\(steward):\(day)", digest(for: steward, tasks: bySteward[steward] ?? [], on: day))
    }
  }

  private func digest(for steward: String, tasks: [VisitTask], on day: LocalDate) -> OutboxMessage {
    let lines = VisitLines(rules: rules, facts: facts)
    let open = tasks.filter { $0.state == .open }
    let byBuilding = Dictionary(grouping: open) { facts.households[$0.household]?.building ?? "?" }
    let groups = byBuilding.keys.sorted().map { building in
      BuildingGroup(building: building, visits: (byBuilding[building] ?? []).map(lines.line))
    }
    let content = StewardDigest(
      steward: facts.stewards[steward]?.name ?? steward, date: "\(day)",
      window: "\(rules.settings.visitingWindow.hours)", buildings: groups,
      overdue: tasks.filter { $0.state == .overdue }.map(lines.line))
    let mention = facts.stewards[steward]?.wecomUserID.map { [$0] } ?? []
    return OutboxMessage(
      audience: .steward, project: tasks.first?.project, content: .stewardDigest(content), mentions: mention)
  }
}

/// Overdue escalation: each overdue task is told to the steward, then the lead, then operations.
struct OverdueNotices {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan
  let escalation: Escalation

  /// Messages for every overdue task whose steps are reached on `day`, keyed `overdue:{task}:{step}[:{n}]`.
  func messages(on day: LocalDate) -> [(key: String, message: OutboxMessage)] {
    plan.allTasks.filter { $0.state == .overdue }.flatMap { task in
      escalation.steps.enumerated().compactMap { index, step in
        notice(task, step: step, index: index, on: day)
      }
    }
  }

  private func notice(_ task: VisitTask, step: EscalationStep, index: Int, on day: LocalDate)
    -> (key: String, message: OutboxMessage)?
  {
    guard let last = task.graceEnd ?? task.due else { return nil }
    let reached = step.after.added(to: last)
    guard reached < day else { return nil }
    var key = "overdue:\(task.id):\(index + 1)"
    if let every = escalation.repeatEvery {
      // A step repeats until the next step takes over; its last key then stays as it was sent.
      let handover = escalation.steps.dropFirst(index + 1).first.map { $0.after.added(to: last) }
      let until = handover.map { min($0, day) } ?? day
      var repeats = 0
      var next = every.added(to: reached)
      while next < until {
        repeats += 1
        next = every.added(to: next)
      }
      key += ":\(repeats)"
    }
    let content = OverdueEscalation(
      project: facts.projects[task.project]?.name ?? task.project,
      steward: facts.stewards[task.assignee]?.name ?? task.assignee,
      visit: VisitLines(rules: rules, facts: facts).line(task), daysOverdue: day.dayNumber - last.dayNumber,
      step: step.audience.rawValue)
    return (
      key,
      OutboxMessage(
        audience: Self.audience(step.audience), project: task.project, content: .overdueEscalation(content))
    )
  }

  private static func audience(_ audience: Policy.Audience) -> Delivery.Audience {
    switch audience {
    case .steward: return .steward
    case .projectLead: return .lead
    case .operations: return .operations
    case .admin: return .admin
    }
  }
}

/// A task as one line of a message: owner (code, surname, masked phone), rule, channels, due date.
struct VisitLines {
  let rules: RuleSet
  let facts: Facts

  /// The line for `task`.
  func line(_ task: VisitTask) -> VisitLine {
    let household = facts.households[task.household]
    let rule = rules.rule(task.rule)
    let state = household?.states.last?.value ?? .occupied
    let channels =
      rule.map { $0.channels.allowed(for: state).map(\.rawValue).sorted().joined(separator: "/") } ?? ""
    return VisitLine(
      owner: OwnerRef(
        household: task.household, surname: household?.owner.surname ?? "",
        phone: household?.owner.phone ?? ""),
      rule: rule?.title ?? task.rule, channel: channels, due: task.due.map { "\($0)" } ?? "-")
  }
}
