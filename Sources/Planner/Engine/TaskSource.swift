import CalendarSpec
import Foundation
import Policy

/// The tasks one rule owes one household, before visits settle them.
struct TaskSource {
  let planner: HouseholdPlanner
  let entry: RuleEntry
  let timeline: MatchTimeline

  var rule: Rule { entry.rule }

  var zone: ZoneDays { planner.zone }
  var code: String { planner.known.household.id }
  var project: String { planner.known.household.project }
  var building: String { planner.known.household.building }
  var clock: Date { planner.context.clock }

  /// A draft with the rule's grace applied to `due`.
  func draft(
    anchor: TaskAnchor, ordinal: Int, opens: LocalDate, due: LocalDate?, month: YearMonth, split: Bool,
    cancelAt: Date? = nil
  ) -> TaskDraft {
    let graceEnd = due.map { entry.rule.grace?.added(to: $0) ?? $0 }
    let task = VisitTask(
      household: code, project: project, rule: entry.id, anchor: anchor, ordinal: ordinal,
      opens: opens, due: due, graceEnd: graceEnd, plannedMonth: month, assignee: "")
    return TaskDraft(
      task: task, ruleIndex: entry.index, cancelAt: cancelAt,
      needsSplit: split && entry.splitsMonthly, building: building)
  }

  /// Whether a window [opens, last] overlaps the horizon; `last` nil means open-ended.
  func inHorizon(opens: LocalDate, last: LocalDate?) -> Bool {
    opens <= planner.context.to && (last.map { $0 >= planner.context.from } ?? true)
  }
}
