import CalendarSpec
import Foundation
import Policy

extension Planner {
  /// Explains a household's tasks in `plan` (optionally for one rule), with the facts known at the plan's clock.
  public func explain(household code: String, rule ruleID: String? = nil, facts: Facts, plan: Plan)
    -> Explanation?
  {
    guard let household = facts.households[code] else { return nil }
    let clock = plan.clock
    let state = household.state(at: clock)
    let grade = household.grade(at: clock)
    let tasks = plan.tasks(of: code, inProject: household.project)
    let explained = rules.rules.filter { ruleID == nil || $0.id == ruleID }.map { rule in
      let filters = rule.selector.explain(
        state: state, grade: grade, project: household.project, tags: household.tags)
      let mine = tasks.filter { $0.rule == rule.id }.map { explain($0, rule: rule) }
      let matches = state != nil && filters.allSatisfy { !$0.hasPrefix("✗") }
      return RuleExplanation(
        rule: rule.id, matches: matches, selector: filters, trigger: rule.trigger.summary, tasks: mine,
        note: mine.isEmpty ? Planner.noTaskNote(rule: rule, matches: matches, delivered: state != nil) : nil)
    }
    let status = "\(state?.rawValue ?? "not delivered"), grade \(grade?.rawValue ?? "none")"
    return Explanation(household: code, status: status, rules: explained)
  }

  private func explain(_ task: VisitTask, rule: Rule) -> TaskExplanation {
    let grace = task.graceEnd.flatMap { end in task.due.map { end.dayNumber - $0.dayNumber } } ?? 0
    let window =
      "\(task.opens) .. \(task.due?.description ?? "open-ended")"
      + (grace > 0 ? " (+\(grace) days grace)" : "")
    return TaskExplanation(
      task: task, anchor: task.anchor.explanation, window: window,
      month: Planner.monthReason(task, rule: rule),
      settledBy: task.settlement?.explanation ?? task.missedReason.map { "missed: \($0)" })
  }

  private static func monthReason(_ task: VisitTask, rule: Rule) -> String {
    guard case .period(let period) = task.anchor, rule.split == .monthly else {
      return "the month the window opens"
    }
    return "\(period) quota of steward \(task.assignee) split over its months by working days, "
      + "kept with its building; a planned month never moves"
  }

  private static func noTaskNote(rule: Rule, matches: Bool, delivered: Bool) -> String {
    if !delivered { return "the household has no state yet (not delivered)" }
    if !matches { return "the selector does not match" }
    switch rule.trigger {
    case .quota: return "no period of the horizon in which the household matched"
    case .event(let trigger):
      return "no \(trigger.after.map(\.rawValue).joined(separator: " or ")) event in the horizon"
    case .campaign: return "no campaign of this rule covers the household"
    }
  }
}
