import Foundation
import Operations
import Store

extension APIHandlers {
  func stewardDay(_ input: Operations.StewardDay.Input) async throws -> Operations.StewardDay.Output {
    let caller = try Caller.required()
    let steward = input.path.steward
    try InputCheck.text(steward, field: "steward", limit: 64, required: true)
    var project: String?
    switch caller.principal {
    case .steward(let id) where id == steward: break
    case .steward: throw Problem.forbidden("a steward sees only their own day")
    case .lead(let own): project = own
    case .operations, .admin: break
    case .integration(_, let scopes) where scopes.contains(.reportsRead): break
    case .integration: throw Problem.forbidden("the token lacks the scope reports:read")
    case .calendar: throw Problem.forbidden("a calendar secret reads only its feed")
    }
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let day = try await environment.blocking { () -> StewardDay? in
      guard try store.catalog(withHouseholds: false).stewards.contains(steward) else { return nil }
      return try StewardDay.load(
        store: store, rules: rules, steward: steward, clock: clock, contacts: ContactStyle(showContact: false)
      )
    }
    guard let day else { throw Problem.notFound("'\(steward)' is not a known steward") }
    var body = Components.Schemas.StewardDay(day)
    if let project {
      // A lead sees the steward's visits in their own project only.
      body.buildings = body.buildings.compactMap { building in
        var kept = building
        kept.visits = building.visits.filter { $0.project == project }
        return kept.visits.isEmpty ? nil : kept
      }
      body.overdue = body.overdue.filter { $0.project == project }
    }
    return .ok(.init(body: .json(body)))
  }
}
