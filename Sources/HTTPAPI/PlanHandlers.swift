import CalendarSpec
import Foundation
import Operations
import Planner
import Store

extension APIHandlers {
  func stewardMonth(_ input: Operations.StewardMonth.Input) async throws -> Operations.StewardMonth.Output {
    let caller = try Caller.required()
    let steward = input.path.steward
    try InputCheck.text(steward, field: "steward", limit: 64, required: true)
    let onlyProject = try caller.principal.projectSeen(ofSteward: steward)
    let rules = try environment.requireRules()
    let clock = environment.clock()
    let month =
      try InputCheck.month(input.query.month, field: "month")
      ?? YearMonth(LocalDate(clock, in: rules.settings.timeZone))
    let store = environment.store
    let sheet = try await environment.blocking { () -> Components.Schemas.MonthSheet? in
      guard try store.catalog(withHouseholds: false).stewards.contains(steward) else { return nil }
      let current = try CurrentPlan.load(
        store: store, rules: rules, at: clock, year: month.year, refresh: true,
        scope: .steward(steward, month: month))
      // A lead sees the steward's visits in their own project only.
      let tasks = TaskFilter(project: onlyProject, steward: steward).tasks(in: current.plan)
        .filter { $0.plannedMonth == month && $0.state != .cancelled }
      let sheets = MonthSheet.sheets(
        tasks, month: month, current: current, contacts: ContactStyle(showContact: false))
      return sheets.first.map(Components.Schemas.MonthSheet.init)
        ?? Components.Schemas.MonthSheet(
          month: month.description, steward: steward, name: current.facts.stewards[steward]?.name ?? "",
          buildings: [])
    }
    guard let sheet else { throw Problem.notFound("'\(steward)' is not a known steward") }
    return .ok(.init(body: .json(sheet)))
  }

  func explainHousehold(_ input: Operations.ExplainHousehold.Input) async throws
    -> Operations.ExplainHousehold.Output
  {
    let caller = try Caller.required()
    let code = input.path.household
    try InputCheck.text(code, field: "household", limit: 64, required: true)
    try InputCheck.text(input.query.rule, field: "rule", limit: 64, required: true)
    let owner = try await ownership(of: code)
    guard caller.principal.mayRead(owner) else {
      throw Problem.forbidden("'\(code)' is not a household of \(caller.principal)")
    }
    let rules = try environment.requireRules()
    if let rule = input.query.rule, rules.rule(rule) == nil {
      throw Problem.invalid("rule", "'\(rule)' is not a rule")
    }
    let store = environment.store
    let clock = environment.clock()
    let explanation = try await environment.blocking { () -> Explanation? in
      let current = try CurrentPlan.load(
        store: store, rules: rules, at: clock, refresh: true, scope: .household(code))
      return current.planner.explain(
        household: code, rule: input.query.rule, facts: current.facts, plan: current.plan)
    }
    guard let explanation else { throw Problem.notFound("'\(code)' is not a known household") }
    return .ok(.init(body: .json(Components.Schemas.Explanation(explanation))))
  }
}
