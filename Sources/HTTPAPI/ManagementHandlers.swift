import Foundation
import Operations
import Planner
import Store

extension APIHandlers {
  func waiveTask(_ input: Operations.WaiveTask.Input) async throws -> Operations.WaiveTask.Output {
    let caller = try Caller.required()
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    let id = input.path.task
    try InputCheck.text(id, field: "task", limit: 256, required: true)
    try InputCheck.text(body.reason, field: "reason", limit: 500, required: true)
    let project = try await projectOfTask(id)
    guard caller.principal.mayManage(project: project) else {
      throw Problem.forbidden("only operations, admins and the project's lead waive its tasks")
    }
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: nil)
      .perform(request: "") { recording in try recording.waive(task: id, reason: body.reason) }
    return .ok(.init(body: .json(answer)))
  }

  func assignSteward(_ input: Operations.AssignSteward.Input) async throws -> Operations.AssignSteward.Output
  {
    let caller = try Caller.required()
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    let area = input.path.area
    try InputCheck.text(area, field: "area", limit: 64, required: true)
    try InputCheck.text(body.steward, field: "steward", limit: 64, required: true)
    let at = try InputCheck.localTime(body.at, field: "at")
    let store = environment.store
    let steward = body.steward
    let found = try await environment.blocking { () -> (project: String?, stewardKnown: Bool) in
      let project = try store.read { try $0.area(area)?.project }
      return (project, try store.catalog(withHouseholds: false).stewards.contains(steward))
    }
    guard let project = found.project else { throw Problem.notFound("'\(area)' is not a known area") }
    guard caller.principal.mayManage(project: project) else {
      throw Problem.forbidden("only operations, admins and the project's lead assign its areas")
    }
    guard found.stewardKnown else { throw Problem.notFound("'\(steward)' is not a known steward") }
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: nil)
      .perform(request: "") { recording in try recording.assignSteward(steward, area: area, at: at) }
    return .ok(.init(body: .json(answer)))
  }

  func createCampaign(_ input: Operations.CreateCampaign.Input) async throws
    -> Operations.CreateCampaign.Output
  {
    let caller = try Caller.required()
    guard caller.principal.mayCreateCampaign else {
      throw Problem.forbidden("only operations and admins create campaigns")
    }
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    try InputCheck.text(body.id, field: "id", limit: 128, required: true)
    try InputCheck.text(body.rule, field: "rule", limit: 64, required: true)
    try InputCheck.text(body.project, field: "project", limit: 64, required: true)
    let buildings = body.buildings
    if let buildings {
      guard buildings.count <= 500 else { throw Problem.invalid("buildings", "more than 500 items") }
      for (index, building) in buildings.enumerated() {
        try InputCheck.text(building, field: "buildings[\(index)]", limit: 64, required: true)
      }
    }
    guard let first = try InputCheck.day(body.from, field: "from"),
      let last = try InputCheck.day(body.to, field: "to")
    else { throw Problem.invalid("from", "is required") }
    guard first <= last else { throw Problem.invalid("to", "\(last) is before the first day \(first)") }
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: nil)
      .perform(request: "") { recording in
        try recording.createCampaign(
          id: body.id, rule: body.rule, project: body.project, buildings: buildings.map(Set.init),
          first: first, last: last)
      }
    return .created(.init(body: .json(answer)))
  }

  /// The project of stored task `id`; 422 when `id` is not a task id, 404 when there is no such task.
  func projectOfTask(_ id: String) async throws -> String {
    let parts = id.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count >= 4, !parts.contains(where: \.isEmpty) else {
      throw Problem.invalid("task", "'\(id)' is not a task id; expected HOUSEHOLD/RULE/ANCHOR/ORDINAL")
    }
    let household = parts.dropLast(3).joined(separator: "/")
    let store = environment.store
    let project = try await environment.blocking {
      try store.tasks(household: household).first { $0.id == id }?.project
    }
    guard let project else { throw Problem.notFound("'\(id)' is not a known task") }
    return project
  }
}
