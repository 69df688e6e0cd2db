import Crypto
import Foundation
import Metrics
import Operations
import Planner
import Policy
import Store

extension APIHandlers {
  func recordVisit(_ input: Operations.RecordVisit.Input) async throws -> Operations.RecordVisit.Output {
    let caller = try Caller.required()
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    let key = input.headers.idempotencyKey
    try InputCheck.text(key, field: "Idempotency-Key", limit: 128, required: true)
    let entry = try VisitInputReading.entry(body)
    let owner = try await ownership(of: entry.household)
    guard caller.principal.mayRecordVisit(owner, as: entry.steward) else {
      throw Problem.forbidden(
        "\(caller.principal) may not record a visit to '\(entry.household)' by '\(entry.steward)'")
    }
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: key)
      .perform(request: try VisitInputReading.digest(body)) { recording in
        try recording.recordVisit(entry)
      }
    return .created(.init(body: .json(answer)))
  }

  func voidVisit(_ input: Operations.VoidVisit.Input) async throws -> Operations.VoidVisit.Output {
    let caller = try Caller.required()
    guard caller.principal.mayVoid else { throw Problem.forbidden("only operations and admins void visits") }
    guard case .json(let body) = input.body else { throw Problem(.unsupportedMediaType, "Send JSON") }
    try InputCheck.text(input.path.visit, field: "visit", limit: 128, required: true)
    try InputCheck.text(body.reason, field: "reason", limit: 500, required: true)
    let answer = try await IdempotentWrite(environment: environment, token: caller.token.id, key: nil)
      .perform(request: "") { recording in
        try recording.voidVisit(input.path.visit, reason: body.reason, by: caller.principal.description)
      }
    return .ok(.init(body: .json(answer)))
  }
}

/// A write made once per idempotency key: the first answer is kept and given again to every retry.
struct IdempotentWrite {
  /// What the write works on.
  let environment: APIEnvironment
  /// The caller's token id: keys are the caller's own.
  let token: String
  /// The client's key; nil: no replay protection.
  let key: String?

  /// Runs `write` with its re-plan unless `key` was used before with the same `request` (then the first answer,
  /// marked replayed); a key used with another request is refused (422).
  func perform(request digest: String, _ write: @escaping @Sendable (FactRecording) throws -> RecordedFacts)
    async throws -> Components.Schemas.Recorded
  {
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let (token, key) = (token, key)
    let outcome = try await environment.blocking { () -> (Components.Schemas.Recorded, [String]) in
      if let key, let kept = try store.idempotentAnswer(token: token, key: key) {
        return (try Self.replay(kept, digest: digest), [])
      }
      let recorded: RecordedFacts
      let started = ContinuousClock.now
      defer {
        Timer(label: "visitd_write_duration_seconds", dimensions: [("kind", "api")])
          .record(duration: ContinuousClock.now - started)
      }
      do {
        recorded = try write(FactRecording(store: store, rules: rules, clock: clock))
      } catch let error as VisitEntryError {
        throw Problem.invalid(error.problems)
      } catch let error as OperationError {
        throw Problem(.unprocessableContent, "Invalid request", detail: error.description)
      }
      let answer = Components.Schemas.Recorded(recorded)
      guard let key else { return (answer, recorded.summary.affectedHouseholds) }
      let body = try JSONEncoder().encode(answer)
      let kept = try store.keepAnswer(
        IdempotentAnswer(requestDigest: digest, status: 201, body: body), token: token, key: key, at: clock)
      // Two requests with one key at once: both wrote the same visit (written once); both answer the first.
      let first = kept.body == body ? answer : try Self.replay(kept, digest: digest)
      return (first, recorded.summary.affectedHouseholds)
    }
    if !outcome.1.isEmpty { environment.factsChanged(outcome.1) }
    return outcome.0
  }

  private static func replay(_ kept: IdempotentAnswer, digest: String) throws -> Components.Schemas.Recorded {
    guard kept.requestDigest == digest else {
      throw Problem.invalid("Idempotency-Key", "was used before with another request")
    }
    var answer = try JSONDecoder().decode(Components.Schemas.Recorded.self, from: kept.body)
    answer.replayed = true
    return answer
  }
}

/// A `VisitInput` read as the register's entry.
enum VisitInputReading {
  /// The entry `body` describes; 422 naming each field the contract allows but the entry does not.
  static func entry(_ body: Components.Schemas.VisitInput) throws -> VisitEntry {
    var problems: [(field: String, message: String)] = []
    for (field, text, limit) in [
      ("id", body.id, 128), ("household", body.household, 64), ("steward", body.steward, 64),
    ] as [(String, String?, Int)] {
      do { try InputCheck.text(text, field: field, limit: limit, required: true) } catch let problem
        as Problem
      {
        problems += problem.errors.map { ($0.field, $0.message) }
      }
    }
    if body.needs?.count ?? 0 > 50 { problems.append(("needs", "more than 50 items")) }
    if body.feedback?.count ?? 0 > 50 { problems.append(("feedback", "more than 50 items")) }
    if body.tickets?.count ?? 0 > 20 { problems.append(("tickets", "more than 20 items")) }
    guard problems.isEmpty else { throw Problem.invalid(problems) }
    var entry = VisitEntry(
      household: body.household, at: body.at.replacingOccurrences(of: "T", with: " "),
      channel: Channel(body.channel), steward: body.steward)
    entry.id = body.id
    entry.kind = body.kind.map { $0 == .deep ? .deep : .basic } ?? .basic
    entry.interviewee = body.interviewee.map(Interviewee.init) ?? .owner
    entry.outcome = body.outcome.map(VisitOutcome.init) ?? .reached
    entry.information = information(body.information)
    entry.needs = (body.needs ?? []).map { VisitEntry.Remark(text: $0.text, category: $0.category) }
    entry.feedback = (body.feedback ?? []).map { VisitEntry.Remark(text: $0.text, category: $0.category) }
    entry.ratings = body.ratings?.additionalProperties ?? [:]
    entry.tickets = body.tickets ?? []
    return entry
  }

  /// A digest of the request: the same visit sent twice has the same digest, whatever the key order.
  static func digest(_ body: Components.Schemas.VisitInput) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    return SHA256.hash(data: try encoder.encode(body)).map { String(format: "%02x", $0) }.joined()
  }

  private static func information(_ given: Components.Schemas.Information?) -> [InfoField: String] {
    guard let given else { return [:] }
    let fields: [(InfoField, String?)] = [
      (.name, given.name), (.contact, given.contact), (.gender, given.gender),
      (.houseState, given.houseState),
      (.hobbies, given.hobbies), (.pets, given.pets),
    ]
    return Dictionary(uniqueKeysWithValues: fields.compactMap { field, text in text.map { (field, $0) } })
  }
}

extension Channel {
  /// The channel the contract names.
  fileprivate init(_ channel: Components.Schemas.Channel) {
    switch channel {
    case .inHome: self = .inHome
    case .phone: self = .phone
    case .wechat: self = .wechat
    case .sms: self = .sms
    }
  }
}

extension Interviewee {
  /// The interviewee the contract names.
  fileprivate init(_ interviewee: Components.Schemas.Interviewee) {
    switch interviewee {
    case .owner: self = .owner
    case .family: self = .family
    case .tenant: self = .tenant
    case .other: self = .other
    }
  }
}

extension VisitOutcome {
  /// The outcome the contract names.
  fileprivate init(_ outcome: Components.Schemas.Outcome) {
    switch outcome {
    case .reached: self = .reached
    case .notReached: self = .notReached
    case .refused: self = .refused
    }
  }
}
