import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// Each steward's daily digest: this month's open visits grouped by building, then what is overdue.
struct StewardDigest {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan

  /// One entry per steward with anything open or overdue, keyed `digest:{steward}:{date}`.
  func entries(on day: LocalDate, at instant: Date) -> [OutboxEntry] {
    let month = YearMonth(day)
    var bySteward: [String: [VisitTask]] = [:]
    for task in plan.allTasks
    where task.state == .overdue || (task.state == .open && task.plannedMonth <= month) {
      bySteward[task.assignee, default: []].append(task)
    }
    return bySteward.keys.sorted().map { steward in
      digest(for: steward, tasks: bySteward[steward] ?? [], on: day, at: instant)
    }
  }

  private func digest(for steward: String, tasks: [VisitTask], on day: LocalDate, at instant: Date)
    -> OutboxEntry
  {
    let open = tasks.filter { $0.state == .open }
    let overdue = tasks.filter { $0.state == .overdue }
    let window = rules.settings.visitingWindow.hours
    var lines = ["本月待访 \(open.count) 户 (入户时段 \(window)), 逾期 \(overdue.count) 户"]
    let byBuilding = Dictionary(grouping: open) { facts.households[$0.household]?.building ?? "?" }
    for building in byBuilding.keys.sorted() {
      let households = (byBuilding[building] ?? []).map { describe($0) }
      lines.append("\(building): " + households.joined(separator: ", "))
    }
    if !overdue.isEmpty { lines.append("逾期: " + overdue.map { describe($0) }.joined(separator: ", ")) }
    return entry(
      key: "digest:\(steward):\(day)", audience: .steward, recipient: steward, project: open.first?.project,
      title: "\(day) 访谈提醒: 待访 \(open.count) 户, 逾期 \(overdue.count) 户", lines: lines, data: nil,
      at: instant)
  }

  private func describe(_ task: VisitTask) -> String {
    let surname = facts.households[task.household]?.owner.surname ?? ""
    let who = surname.isEmpty ? "" : " \(surname)*"
    return "\(task.household)\(who) [\(rules.rule(task.rule)?.title ?? task.rule)]"
  }
}

/// Overdue escalation: each overdue task is told to the steward, then the lead, then operations.
struct OverdueEscalation {
  let facts: Facts
  let plan: Plan
  let escalation: Escalation

  /// The entries for every overdue task whose steps are reached on `day`, keyed `overdue:{task}:{step}[:{n}]`.
  func entries(on day: LocalDate, at instant: Date) -> [OutboxEntry] {
    plan.allTasks.filter { $0.state == .overdue }.flatMap { task in
      escalation.steps.enumerated().compactMap { index, step in
        notice(task, step: step, index: index, on: day, at: instant)
      }
    }
  }

  private func notice(
    _ task: VisitTask, step: EscalationStep, index: Int, on day: LocalDate, at instant: Date
  )
    -> OutboxEntry?
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
    return entry(
      key: key, audience: step.audience, recipient: recipient(of: step.audience, task: task),
      project: task.project,
      title: "逾期访谈 \(task.household) (\(task.rule)), 应于 \(last) 前完成, 管家 \(task.assignee)", lines: [],
      data: nil, at: instant)
  }

  private func recipient(of audience: Audience, task: VisitTask) -> String {
    switch audience {
    case .steward: return task.assignee
    case .projectLead: return facts.projects[task.project]?.lead ?? task.project
    case .operations, .admin: return audience.rawValue
    }
  }
}
