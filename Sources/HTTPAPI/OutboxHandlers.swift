import Foundation
import Store

extension APIHandlers {
  func listOutbox(_ input: Operations.ListOutbox.Input) async throws -> Operations.ListOutbox.Output {
    let caller = try Caller.required()
    guard caller.principal.mayReadOutbox else { throw Problem.forbidden("only admins read the outbox") }
    let limit = input.query.limit ?? 50
    guard (1...1000).contains(limit) else { throw Problem.invalid("limit", "\(limit) is not from 1 to 1000") }
    let state = input.query.state.flatMap { OutboxState(rawValue: $0.rawValue) }
    let store = environment.store
    let rows = try await environment.blocking { try store.outboxRows(state: state, limit: limit) }
    return .ok(.init(body: .json(.init(rows: rows.map(Components.Schemas.OutboxRow.init)))))
  }
}
