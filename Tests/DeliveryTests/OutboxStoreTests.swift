import Foundation
import Store
import StorePostgres
import StoreSQLite
import TestSupport
import Testing

/// The stores the outbox tests run against: SQLite in memory, and a fresh database of the test process's
/// PostgreSQL server.
enum OutboxBackend: String, CaseIterable, CustomTestStringConvertible {
  case sqlite, postgres

  var testDescription: String { rawValue }

  func open() throws -> any OutboxStore & ScheduleRunStore {
    switch self {
    case .sqlite: try Fixtures.store()
    case .postgres: try PostgresStore(url: PostgresServer.freshDatabase())
    }
  }
}

@Suite struct OutboxStoreTests {
  let now = Date(timeIntervalSince1970: 1_700_000_000)

  func entry(_ key: String, at: Date? = nil) -> OutboxEntry {
    OutboxEntry(key: key, audience: "steward", payload: "{}", notBefore: at ?? now)
  }

  @Test(arguments: OutboxBackend.allCases)
  func enqueueIsIdempotentByKey(_ backend: OutboxBackend) throws {
    let store = try backend.open()
    #expect(try store.enqueue([entry("a"), entry("b")]) == 2)
    #expect(try store.enqueue([entry("a")]) == 0)
    #expect(try store.outboxRows(state: .pending, limit: 10).map(\.key) == ["b", "a"])
  }

  @Test(arguments: OutboxBackend.allCases)
  func claimSendRecord(_ backend: OutboxBackend) throws {
    let store = try backend.open()
    try store.enqueue([entry("a"), entry("later", at: now.addingTimeInterval(60))])
    let claim = try store.claimDue(now: now, limit: 10, lease: 30)
    #expect(claim.rows.map(\.row.key) == ["a"])
    #expect(claim.rows.first?.possibleDuplicate == false)
    #expect(try store.claimDue(now: now, limit: 10, lease: 30).rows.isEmpty)  // leased
    let id = claim.rows[0].row.id
    try store.markSending([id], now: now, lease: 30)
    #expect(try store.outboxRows(state: .sending, limit: 10).first?.attempts == 1)
    try store.record([id: .delivered], followUps: [entry("notice")])
    #expect(try store.outboxCounts() == [.delivered: 1, .pending: 2])
    #expect(try store.nextOutboxDue() == now)
  }

  @Test(arguments: OutboxBackend.allCases)
  func anExpiredSendIsResentOnceThenDeadLettered(_ backend: OutboxBackend) throws {
    let store = try backend.open()
    try store.enqueue([entry("a")])
    let id = try store.claimDue(now: now, limit: 1, lease: 30).rows[0].row.id
    try store.markSending([id], now: now, lease: 30)  // the worker dies here
    #expect(try store.nextOutboxDue() == now.addingTimeInterval(30))
    let again = try store.claimDue(now: now.addingTimeInterval(31), limit: 1, lease: 30)
    #expect(again.rows.first?.possibleDuplicate == true)
    try store.markSending([id], now: now.addingTimeInterval(31), lease: 30)
    #expect(try store.outboxRows(state: .resending, limit: 1).first?.attempts == 2)  // and dies again
    let third = try store.claimDue(now: now.addingTimeInterval(62), limit: 1, lease: 30)
    #expect(third.rows.isEmpty)
    #expect(third.deadLettered.map(\.id) == [id])
    #expect(try store.outboxRows(state: .dead, limit: 1).first?.lastError?.contains("in doubt twice") == true)
  }

  @Test(arguments: OutboxBackend.allCases)
  func anExpiredClaimIsNotADuplicate(_ backend: OutboxBackend) throws {
    let store = try backend.open()
    try store.enqueue([entry("a")])
    _ = try store.claimDue(now: now, limit: 1, lease: 30)  // dies before sending
    #expect(
      try store.claimDue(now: now.addingTimeInterval(31), limit: 1, lease: 30).rows.first?.possibleDuplicate
        == false)
  }

  @Test(arguments: OutboxBackend.allCases)
  func retryAndDeferral(_ backend: OutboxBackend) throws {
    let store = try backend.open()
    try store.enqueue([entry("a"), entry("b")])
    let rows = try store.claimDue(now: now, limit: 2, lease: 30).rows.map(\.row.id)
    try store.markSending([rows[0]], now: now, lease: 30)
    try store.record(
      [rows[0]: .dead(error: "HTTP 404"), rows[1]: .deferred(until: now.addingTimeInterval(5))], followUps: []
    )
    let deferred = try #require(try store.outboxRows(state: .pending, limit: 1).first)
    #expect(deferred.attempts == 0)
    #expect(deferred.nextAttempt == now.addingTimeInterval(5))
    #expect(try store.retryOutbox(id: rows[0], now: now.addingTimeInterval(100)))
    #expect(try store.retryOutbox(id: 999, now: now) == false)
    let retried = try #require(try store.outboxRows(state: nil, limit: 10).first { $0.id == rows[0] })
    #expect(retried.state == .pending)
    #expect(retried.createdAt == now.addingTimeInterval(100))
  }
}

@Suite struct ScheduleRunTests {
  @Test(arguments: OutboxBackend.allCases)
  func aRunAndItsMessagesAreWrittenTogether(_ backend: OutboxBackend) throws {
    let store = try backend.open()
    let at = Date(timeIntervalSince1970: 1_700_000_000)
    let entry = OutboxEntry(key: "spot-check:P1:2026-11", audience: "lead", payload: "{}", notBefore: at)
    #expect(try store.recordRun(schedule: "spot-check", scheduledFor: at, entries: [entry]) == 1)
    #expect(try store.recordRun(schedule: "spot-check", scheduledFor: at, entries: [entry]) == 0)
    #expect(try store.lastRun(schedule: "spot-check") == at)
    #expect(try store.outboxCounts() == [.pending: 1])
  }
}
