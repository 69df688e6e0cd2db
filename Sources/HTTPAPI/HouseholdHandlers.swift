import Foundation
import Operations
import Store

extension APIHandlers {
  func householdBrief(_ input: Operations.HouseholdBrief.Input) async throws
    -> Operations.HouseholdBrief.Output
  {
    let caller = try Caller.required()
    let code = input.path.household
    try InputCheck.text(code, field: "household", limit: 64, required: true)
    try InputCheck.text(input.query.reason, field: "reason", limit: 200, required: true)
    let owner = try await ownership(of: code)
    guard caller.principal.mayRead(owner) else {
      throw Problem.forbidden("'\(code)' is not a household of \(caller.principal)")
    }
    let reveal = input.query.reveal != nil
    if reveal {
      guard caller.principal.mayRevealContact(owner) else {
        throw Problem.forbidden(
          "only the household's steward, its lead and operations may read the full contact")
      }
      guard input.query.reason != nil else {
        throw Problem.invalid(
          "reason", "reading the full contact needs a reason (it is written to the access log)")
      }
    }
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let brief = try await environment.blocking { () -> VisitBrief? in
      if reveal, let reason = input.query.reason {
        // Logged before it is read: a read that fails afterwards is still on record as attempted.
        try store.recordAccess(
          AccessRecord(
            at: clock, token: caller.token.id, principal: caller.principal, household: code, what: "contact",
            why: reason))
      }
      return try VisitBrief.load(
        store: store, rules: rules, household: code, clock: clock, stored: false,
        contacts: ContactStyle(showContact: reveal), lastContacts: 5)
    }
    guard let brief else { throw Problem.notFound("'\(code)' is not a known household") }
    return .ok(.init(body: .json(Components.Schemas.Brief(brief))))
  }
}
