import Messages
import Planner
import Policy

/// A task as one line of a message: owner (code, surname, masked phone), rule, channels in Chinese, due date.
struct VisitLines {
  let rules: RuleSet
  let facts: Facts

  /// The line for `task`.
  func line(_ task: VisitTask) -> VisitLine {
    let household = facts.households[task.household]
    let rule = rules.rule(task.rule)
    let state = household?.states.last?.value ?? .occupied
    let allowed = rule?.channels.allowed(for: state) ?? []
    let channels = Channel.allCases.filter(allowed.contains).map(ValueWords.chinese).joined(separator: "/")
    return VisitLine(
      owner: OwnerRef(
        household: task.household, surname: household?.owner.surname ?? "",
        phone: household?.owner.phone ?? ""),
      rule: rule?.title ?? task.rule, channel: channels, due: task.due.map { "\($0)" } ?? "未定")
  }
}
