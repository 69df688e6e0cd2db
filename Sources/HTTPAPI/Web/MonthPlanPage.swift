import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// A project's month plan (访谈计划表) by building as a lead reads it: each building's planned visits, how many are
/// done and overdue, and who is in charge; one building opens to its households.
struct MonthPlanPage {
  /// The plan and facts.
  let current: CurrentPlan
  /// The lead's project.
  let project: String
  /// The month.
  let month: YearMonth
  /// The building opened, if any.
  var building: String?

  /// The month's tasks of the project (cancelled ones left out), by building.
  private var byBuilding: [String: [VisitTask]] {
    let tasks = current.plan.tasks(inProject: project).filter {
      $0.plannedMonth == month && $0.state != .cancelled
    }
    return Dictionary(grouping: tasks) { current.facts.households[$0.household]?.building ?? "" }
  }

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let groups = byBuilding
    var model: [String: Any] = [
      "title": "访谈计划", "signedIn": true, "formToken": visitor.formToken,
      "month": "\(month.year)年\(month.month)月", "monthCode": month.description,
      "project": current.facts.projects[project]?.name ?? project,
    ]
    if let building {
      let tasks = (groups[building] ?? []).sorted { (place($0), $0.id) < (place($1), $1.id) }
      model["building"] = building
      model["households"] = tasks.map { task -> [String: Any] in
        let household = current.facts.households[task.household]
        return [
          "place": place(task),
          "owner": household.map { Masking.name($0.owner.surname + $0.owner.name) } ?? "",
          "rule": current.rules.rule(task.rule)?.title ?? task.rule,
          "state": ValueWords.chinese(task.state), "settled": task.state.isSettled,
          "steward": current.facts.stewards[task.assignee]?.name ?? task.assignee,
        ]
      }
      model["hasHouseholds"] = !tasks.isEmpty
      return model
    }
    let rows = groups.keys.sorted().map { name -> [String: Any] in
      let tasks = groups[name] ?? []
      let stewards = Set(tasks.map(\.assignee)).sorted().map { current.facts.stewards[$0]?.name ?? $0 }
      let done = tasks.filter(\.state.isSettled).count
      return [
        "building": name, "planned": tasks.count, "done": done,
        "overdue": tasks.filter { $0.state == .overdue }.count, "stewards": stewards.joined(separator: "、"),
        "link": "/app/lead/plan?month=\(month)&building="
          + (name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? name),
      ]
    }
    model["buildings"] = rows
    model["hasBuildings"] = !rows.isEmpty
    model["chart"] =
      BarChart(
        title: "各楼栋本月计划完成比例",
        bars: rows.map { row in
          let planned = row["planned"] as? Int ?? 0
          let done = row["done"] as? Int ?? 0
          return BarChart.Bar(
            label: row["building"] as? String ?? "", value: planned == 0 ? 0 : Double(done) / Double(planned),
            figure: "\(done)/\(planned)")
        }
      ).svg
    return model
  }

  private func place(_ task: VisitTask) -> String { LeadPage.place(of: task.household, current.facts) }
}
