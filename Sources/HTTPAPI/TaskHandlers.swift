import Foundation
import Operations
import Planner
import Store

extension APIHandlers {
  func listTasks(_ input: Operations.ListTasks.Input) async throws -> Operations.ListTasks.Output {
    let caller = try Caller.required()
    let query = input.query
    try InputCheck.text(query.project, field: "project", limit: 64)
    try InputCheck.text(query.steward, field: "steward", limit: 64)
    let limit = query.limit ?? 100
    guard (1...1000).contains(limit) else { throw Problem.invalid("limit", "\(limit) is not from 1 to 1000") }
    let after = try query.cursor.map(TaskCursor.init(text:))
    var steward = query.steward
    var project = query.project
    if let scope = caller.principal.taskScope {
      if case .integration = caller.principal {
        throw Problem.forbidden("the token lacks the scope reports:read")
      }
      if let own = scope.steward {
        if let steward, steward != own { throw Problem.forbidden("a steward lists only their own tasks") }
        steward = own
      }
      if let own = scope.project {
        if let project, project != own {
          throw Problem.forbidden("a lead lists only their own project's tasks")
        }
        project = own
      }
    }
    let filter = TaskFilter(
      project: project, steward: steward, state: query.state.flatMap { TaskState(rawValue: $0.rawValue) },
      dueBefore: try InputCheck.day(query.dueBefore, field: "dueBefore"),
      month: try InputCheck.month(query.month, field: "month"))
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let onlyProject = project
    let page = try await environment.blocking { () -> (tasks: [TaskListing], more: Bool) in
      let current = try CurrentPlan.load(
        store: store, rules: rules, at: clock, refresh: true, scope: filter.scope)
      var listed = filter.tasks(in: current.plan)
      if let onlyProject { listed = listed.filter { $0.project == onlyProject } }
      listed.sort { $0.id < $1.id }
      let start = after.map { cursor in listed.partitioningIndex { $0.id > cursor.lastID } } ?? 0
      let end = min(listed.count, start + limit)
      let rows = listed[start..<end].map {
        TaskListing($0, household: current.facts.households[$0.household], ContactStyle(showContact: false))
      }
      return (rows, end < listed.count)
    }
    let next = page.more ? page.tasks.last.map { TaskCursor(lastID: $0.task.id).text } : nil
    return .ok(
      .init(body: .json(.init(tasks: page.tasks.map(Components.Schemas.Task.init), next: next))))
  }
}

/// Where a page of tasks ends: the next page starts after this task id. Opaque to clients (base64url).
struct TaskCursor: Sendable, Equatable {
  /// The last task id of the page before.
  let lastID: String

  /// The cursor after `lastID`.
  init(lastID: String) { self.lastID = lastID }

  /// The cursor a client sent back; 422 naming `cursor` when it is not one this server made.
  init(text: String) throws {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    guard let data = Data(base64Encoded: base64), let id = String(data: data, encoding: .utf8), !id.isEmpty
    else { throw Problem.invalid("cursor", "is not a cursor from a previous page") }
    lastID = id
  }

  /// The cursor as sent to the client.
  var text: String {
    Data(lastID.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
      .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
  }
}

extension Array {
  /// The index of the first element for which `isAfter` holds, in an array where it holds for a suffix.
  fileprivate func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
