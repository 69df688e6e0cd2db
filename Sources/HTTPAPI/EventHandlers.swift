import Crypto
import Foundation
import Operations
import Policy
import Store

extension APIHandlers {
  func recordEvent(_ input: Operations.RecordEvent.Input) async throws -> Operations.RecordEvent.Output {
    let caller = try Caller.required()
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    let key = input.headers.idempotencyKey
    try InputCheck.text(key, field: "Idempotency-Key", limit: 128, required: true)
    try InputCheck.text(body.household, field: "household", limit: 64, required: true)
    let change = try EventInputReading.change(body.change)
    let at = try InputCheck.localTime(body.at, field: "at")
    let owner = try await ownership(of: body.household)
    guard caller.principal.mayRecordEvent(owner) else {
      throw Problem.forbidden("\(caller.principal) may not record events of '\(body.household)'")
    }
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: key)
      .perform(request: try RequestDigest.of(body)) { recording in
        try recording.recordEvent(change, household: body.household, at: at)
      }
    return .created(.init(body: .json(answer)))
  }

  func closeTicket(_ input: Operations.CloseTicket.Input) async throws -> Operations.CloseTicket.Output {
    let caller = try Caller.required()
    // The signature middleware checked the raw body; a route registered without it must not pass unsigned.
    guard TicketSignature.verified else {
      throw TicketSignature.refused("the body's signature was not checked")
    }
    guard caller.principal.mayCloseTicket else {
      throw Problem.forbidden("closing tickets needs an integration token with events:write, or operations")
    }
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    let number = input.path.number
    try InputCheck.text(number, field: "number", limit: 64, required: true)
    let at = try InputCheck.localTime(body.at, field: "at")
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: nil)
      .perform(request: "") { recording in try recording.recordTicketClosed(number, at: at) }
    return .created(.init(body: .json(answer)))
  }
}

/// An `EventInput`'s change read as a history entry's.
enum EventInputReading {
  /// The one change `given` names; 422 naming `change` when it names none or several.
  static func change(_ given: Components.Schemas.HouseholdChange) throws -> HouseholdEntry.Change {
    var named: [HouseholdEntry.Change] = []
    if let state = given.state { named.append(.state(HouseholdState(state))) }
    if let grade = given.grade { named.append(.grade(Grade(grade))) }
    if let event = given.event { named.append(.event(EventName(event))) }
    guard named.count == 1, let change = named.first else {
      throw Problem.invalid("change", "name exactly one of state, grade or event")
    }
    return change
  }
}

/// A digest of a request body: the same body sent twice has the same digest, whatever its key order.
enum RequestDigest {
  /// The hex SHA-256 of `body` encoded with sorted keys.
  static func of(_ body: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return SHA256.hash(data: try encoder.encode(body)).map { String(format: "%02x", $0) }.joined()
  }
}

extension HouseholdState {
  /// The state the contract names.
  fileprivate init(_ state: Components.Schemas.HouseholdState) {
    switch state {
    case .vacant: self = .vacant
    case .renovating: self = .renovating
    case .occupied: self = .occupied
    }
  }
}

extension Grade {
  /// The grade the contract names.
  fileprivate init(_ grade: Components.Schemas.Grade) {
    switch grade {
    case .a: self = .a
    case .b: self = .b
    case .c: self = .c
    case .d: self = .d
    }
  }
}

extension EventName {
  /// The household event the contract names.
  fileprivate init(_ event: Components.Schemas.HouseholdEvent) {
    switch event {
    case .delivered: self = .delivered
    case .movedIn: self = .movedIn
    case .renovationPermit: self = .renovationPermit
    case .renovationAccepted: self = .renovationAccepted
    case .depositRefunded: self = .depositRefunded
    }
  }
}
