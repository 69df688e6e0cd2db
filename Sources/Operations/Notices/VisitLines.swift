import Messages
import Planner
import Policy

/// A task as one line of a message: owner (code, surname, masked phone), rule, channels in Chinese, due date.
struct VisitLines {
  let rules: RuleSet
  let facts: Facts

  /// The line for `task`; an open-ended task has no due date.
  func line(_ task: VisitTask) -> VisitLine {
    let household = facts.households[task.household]
    let channels = Channel.allCases.filter(allowed(task).contains).map(ValueWords.chinese)
    return VisitLine(
      owner: OwnerRef(
        household: task.household, surname: household?.owner.surname ?? "",
        phone: household?.owner.phone ?? ""),
      rule: rules.rule(task.rule)?.title ?? task.rule, channel: channels.joined(separator: "/"),
      due: task.due.map { "\($0)" })
  }

  /// Whether only an in-home visit settles `task`, so it belongs in the visiting window; a task a call or a
  /// message can settle does not.
  func isInHome(_ task: VisitTask) -> Bool { allowed(task) == [.inHome] }

  private func allowed(_ task: VisitTask) -> Set<Channel> {
    let state = facts.households[task.household]?.states.last?.value ?? .occupied
    return Set(rules.rule(task.rule)?.channels.allowed(for: state) ?? [])
  }
}
