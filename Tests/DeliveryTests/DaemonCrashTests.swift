import Delivery
import Foundation
import Store
import StoreSQLite
import Synchronization
import Testing

/// SIGKILLs the real `visitd` while it delivers 1,000 outbox rows to a loopback webhook, restarts it, and
/// checks that every message arrived, that only requests in flight at the kill came twice, and that each
/// of those was logged as a possible duplicate.
///
/// What the code guarantees, and so what is asserted: the worker claims a batch (`claimed`), writes
/// `sending` for the whole batch in one transaction before any request leaves, sends the batch
/// concurrently, then records the outcomes. A row found in `sending` after the kill (its lease run out)
/// is reclaimed and resent exactly once, with a warning `possible duplicate: resending outbox #ID …`
/// carrying its key; a `claimed` or `pending` row is sent once, unannounced. So a key arrives twice only if
/// its row was `sending` at the kill, and there are at most one batch of those (64, the worker's default,
/// which visitd uses).
@Suite(.serialized) struct DaemonCrashTests {
  static let messages = 1000
  /// The rows one claim takes and sends concurrently: `OutboxWorker`'s default `batchSize`.
  static let batch = 64

  /// When the daemon is killed.
  enum KillMoment: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// From the 400th request on the server holds its answers; the kill finds a batch in flight.
    case requestsHeld
    /// The server answers every request after 10 ms; the kill comes after a random 300–600 requests,
    /// wherever the daemon is (claiming, sending, recording, between batches).
    case unannounced

    var testDescription: String { rawValue }
  }

  @Test(
    .enabled(if: VisitdChild.binary != nil, "needs the visitd binary next to the test bundle"),
    .timeLimit(.minutes(3)), arguments: KillMoment.allCases)
  func aKilledDaemonLosesNothingAndDuplicatesOnlyWhatWasInFlight(_ moment: KillMoment) async throws {
    let killAt = moment == .requestsHeld ? 400 : Int.random(in: 300...600)
    let gate = AnswerGate(holdFrom: moment == .requestsHeld ? killAt : nil)
    let server = try await LoopbackServer.start { _ in gate.answer() }
    let daemon = try VisitdChild()
    let store = try SQLiteStore(path: daemon.database)
    let keys = (0..<Self.messages).map { "digest:S\($0):2026-11-26" }
    let enqueued = Date().addingTimeInterval(-60)
    try store.enqueue(keys.map { try Fixtures.message().entry(key: $0, notBefore: enqueued) })
    try Fixtures.write("crm-signing-secret", to: daemon.folder + "/crm-secret")
    try Fixtures.write(
      Fixtures.webhookReceivers(
        url: "\(server.baseURL)/hook", lease: "2s", secretFile: daemon.folder + "/crm-secret"),
      to: daemon.deliveryConfig)

    try daemon.start(log: "first.log")
    let reached = try await eventually(timeout: 90, every: .milliseconds(5)) {
      gate.received >= killAt || !daemon.isRunning
    }
    try #require(
      reached && daemon.isRunning,
      "\(gate.received) of \(killAt) requests came; log:\n\(daemon.log("first.log"))")
    #expect(try await daemon.stop(SIGKILL) == SIGKILL)
    gate.release()

    let atKill = try store.outboxRows(state: nil, limit: 2 * Self.messages)
    let inFlight = Dictionary(
      uniqueKeysWithValues: atKill.filter { $0.state == .sending }.map { ($0.id, $0.key) })
    let inFlightKeys = Set(inFlight.values)
    #expect(atKill.count == Self.messages)
    #expect(atKill.allSatisfy { [.pending, .claimed, .sending, .delivered].contains($0.state) })
    #expect(inFlight.count <= Self.batch)
    #expect(atKill.filter { $0.state == .delivered }.count >= killAt - Self.batch)
    if moment == .requestsHeld {
      #expect(!inFlight.isEmpty, "a batch is marked sending, its answers held")
    }
    #expect(!daemon.log("first.log").contains("possible duplicate"))

    try daemon.start(log: "second.log")
    #expect(try await daemon.waitReady(), "no READY=1 from the restarted daemon")
    let finished = try await eventually(timeout: 90, every: .milliseconds(100)) {
      try store.outboxCounts()[.delivered] == Self.messages || !daemon.isRunning
    }
    let counts = try store.outboxCounts()
    try #require(
      finished && daemon.isRunning, "not delivered: \(counts); log:\n\(daemon.log("second.log"))")
    #expect(try await daemon.stop(SIGTERM) == 0)
    try await server.stop()

    let requests = server.requests
    let arrivals = Dictionary(
      requests.compactMap { $0.headers["idempotency-key"] }.map { ($0, 1) }, uniquingKeysWith: +)
    #expect(requests.count == arrivals.values.reduce(0, +), "every request carries an Idempotency-Key")
    #expect(Set(arrivals.keys) == Set(keys), "every message arrived, and nothing else")
    let duplicated = Set(arrivals.filter { $0.value > 1 }.keys)
    #expect(duplicated.isSubset(of: inFlightKeys), "only rows in flight at the kill came twice")
    #expect(arrivals.values.allSatisfy { $0 <= 2 }, "a row in flight is resent once")
    if moment == .requestsHeld {
      #expect(!duplicated.isEmpty, "the held requests had reached the server before the kill")
    }
    #expect(
      requests.allSatisfy {
        $0.headers["x-visitd-signature"]
          == RobotSignature.webhook(body: $0.body, secret: "crm-signing-secret")
      })

    let rows = try store.outboxRows(state: nil, limit: 2 * Self.messages)
    #expect(try store.outboxCounts() == [.delivered: Self.messages])
    #expect(rows.allSatisfy { $0.attempts == (inFlightKeys.contains($0.key) ? 2 : 1) })

    let warnings = PossibleDuplicateLine.all(in: daemon.log("second.log"))
    #expect(warnings.map(\.id).sorted() == inFlight.keys.sorted(), "each row in flight logged once")
    #expect(warnings.allSatisfy { inFlight[$0.id] == $0.key }, "each warning names the row's key")
    #expect(duplicated.isSubset(of: Set(warnings.map(\.key))), "each duplicate was logged")
  }
}

/// Answers the loopback server's requests after 10 ms; from the `holdFrom`-th request on, until released,
/// it holds the answer for minutes instead (so that the daemon is killed with requests in flight).
private final class AnswerGate: Sendable {
  private let holdFrom: Int?
  private let state = Mutex((received: 0, released: false))

  init(holdFrom: Int?) { self.holdFrom = holdFrom }

  /// Requests received so far.
  var received: Int { state.withLock { $0.received } }

  /// Answers every later request after 10 ms.
  func release() { state.withLock { $0.released = true } }

  /// Counts a request and says how to answer it.
  func answer() -> ServerAnswer {
    let hold = state.withLock { state in
      state.received += 1
      return !state.released && holdFrom.map { state.received >= $0 } == true
    }
    return .reply(status: 200, body: "{}", delay: hold ? 300 : 0.01)
  }
}

/// A `possible duplicate: resending outbox #ID …` warning with its `outbox_key=` field.
private struct PossibleDuplicateLine {
  var id: Int64
  var key: String

  /// Every such warning of a stderr log (swift-log's stream format: `… outbox_key=KEY … [visitd] message`).
  static func all(in log: String) -> [PossibleDuplicateLine] {
    log.split(separator: "\n").compactMap { line in
      guard let id = line.firstMatch(of: /possible duplicate: resending outbox #(\d+)/)?.1,
        let key = line.firstMatch(of: /outbox_key=(\S+)/)?.1
      else { return nil }
      return PossibleDuplicateLine(id: Int64(id)!, key: String(key))
    }
  }
}
