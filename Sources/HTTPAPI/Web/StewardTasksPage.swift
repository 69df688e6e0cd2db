import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// One steward's work: what is overdue (oldest first) and what the month still holds, household by household,
/// owners masked — as a lead follows it through in a project, or as the steward sees their own month (本月).
struct StewardTasksPage {
  /// The plan and facts.
  let current: CurrentPlan
  /// The project, or nil for the steward's work in every project.
  let project: String?
  /// The steward.
  let steward: String
  /// The month in hand.
  let month: YearMonth
  /// The page's title; the steward's name when nil.
  var title: String?
  /// Where the page leads back to, and what the link says.
  var back: (href: String, label: String)
  /// Whether this is the steward's own month: the month's work first, each household opening its page (to
  /// prepare and record the visit).
  var isOwnMonth = false

  /// A lead's view of `steward` in `project`.
  init(current: CurrentPlan, project: String, steward: String, month: YearMonth) {
    self.current = current
    self.project = project
    self.steward = steward
    self.month = month
    back = ("/app/lead?month=\(month)", "返回抽查")
  }

  /// The steward's own month, in every project.
  init(current: CurrentPlan, ownMonth month: YearMonth, steward: String) {
    self.current = current
    project = nil
    self.steward = steward
    self.month = month
    title = "本月"
    back = ("/app/today", "返回今日")
    isOwnMonth = true
  }

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let tasks = project.map { current.plan.tasks(inProject: $0) } ?? current.plan.allTasks
    let mine = tasks.filter { $0.assignee == steward }
    let overdue = mine.filter { $0.state == .overdue }.sorted {
      ($0.due ?? $0.opens, $0.id) < ($1.due ?? $1.opens, $1.id)
    }
    // Open tasks planned for the month or carried from an earlier one, as 今日's count of the month's open work.
    let open = mine.filter { $0.state == .open && $0.plannedMonth <= month }.sorted { $0.id < $1.id }
    var sections: [[String: Any]] = []
    if !overdue.isEmpty { sections.append(["heading": "逾期 \(overdue.count) 项", "tasks": overdue.map(row)]) }
    if !open.isEmpty {
      let section: [String: Any] = ["heading": "本月待访 \(open.count) 项", "tasks": open.map(row)]
      // The steward's own month leads with the month's work (今日 already leads with the overdue).
      if isOwnMonth { sections.insert(section, at: 0) } else { sections.append(section) }
    }
    return [
      "title": title ?? current.facts.stewards[steward]?.name ?? steward, "signedIn": true,
      "formToken": visitor.formToken, "back": back.href, "backLabel": back.label, "sections": sections,
      "hasWork": !sections.isEmpty,
    ]
  }

  private func row(_ task: VisitTask) -> [String: Any] {
    let household = current.facts.households[task.household]
    return [
      "place": LeadPage.place(of: task.household, current.facts),
      "owner": household.map { Masking.name($0.owner.surname + $0.owner.name) } ?? "",
      "rule": current.rules.rule(task.rule)?.title ?? task.rule,
      "due": task.due.map { "\($0.year)年\($0.month)月\($0.day)日" } ?? "未定",
      "link": isOwnMonth ? "/app/household?household=\(task.household)" : "",
    ]
  }
}
