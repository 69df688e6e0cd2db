import Foundation

/// The outbox: messages for people, written in the transaction that decided them, delivered at least once.
public protocol OutboxStore: Sendable {
  /// Adds entries, ignoring those whose key is already present; returns how many were added.
  @discardableResult
  func enqueue(_ entries: [OutboxEntry]) throws -> Int

  /// Claims up to `limit` due rows under a lease of `lease` seconds.
  func claimDue(now: Date, limit: Int, lease: TimeInterval) throws -> OutboxClaim

  /// Writes `sending` (or `resending`) and counts an attempt, before the requests leave.
  func markSending(_ ids: [Int64], now: Date, lease: TimeInterval) throws

  /// Records outcomes and enqueues follow-ups (dead-letter notices) in one transaction.
  func record(_ results: [Int64: OutboxResult], followUps: [OutboxEntry]) throws

  /// Rows, newest first, in one state or all.
  func outboxRows(state: OutboxState?, limit: Int) throws -> [OutboxRow]

  /// The number of rows in each state.
  func outboxCounts() throws -> [OutboxState: Int]

  /// Makes a dead or pending row due now with a fresh age; false when no such row can be retried.
  func retryOutbox(id: Int64, now: Date) throws -> Bool

  /// The earliest instant a row becomes due (a pending row's next attempt or a lease running out).
  func nextOutboxDue() throws -> Date?
}
