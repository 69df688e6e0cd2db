import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// One steward's work in a project as a lead follows it through: what is overdue (oldest first) and what the
/// month still holds, household by household, owners masked.
struct StewardTasksPage {
  /// The plan and facts.
  let current: CurrentPlan
  /// The project.
  let project: String
  /// The steward.
  let steward: String
  /// The month in hand.
  let month: YearMonth

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let mine = current.plan.tasks(inProject: project).filter { $0.assignee == steward }
    let overdue = mine.filter { $0.state == .overdue }.sorted {
      ($0.due ?? $0.opens, $0.id) < ($1.due ?? $1.opens, $1.id)
    }
    let open = mine.filter { $0.state == .open && $0.plannedMonth == month }.sorted { $0.id < $1.id }
    var sections: [[String: Any]] = []
    if !overdue.isEmpty { sections.append(["heading": "逾期 \(overdue.count) 项", "tasks": overdue.map(row)]) }
    if !open.isEmpty { sections.append(["heading": "本月待访 \(open.count) 项", "tasks": open.map(row)]) }
    return [
      "title": current.facts.stewards[steward]?.name ?? steward, "signedIn": true,
      "formToken": visitor.formToken,
      "back": "/app/lead?month=\(month)", "sections": sections, "hasWork": !sections.isEmpty,
    ]
  }

  private func row(_ task: VisitTask) -> [String: Any] {
    let household = current.facts.households[task.household]
    return [
      "place": LeadPage.place(of: task.household, current.facts),
      "owner": household.map { Masking.name($0.owner.surname + $0.owner.name) } ?? "",
      "rule": current.rules.rule(task.rule)?.title ?? task.rule,
      "due": task.due.map { "\($0.year)年\($0.month)月\($0.day)日" } ?? "未定",
    ]
  }
}
