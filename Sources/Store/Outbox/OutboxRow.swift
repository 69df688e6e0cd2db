import Foundation

/// A message to put in the outbox; its key makes enqueueing idempotent.
public struct OutboxEntry: Sendable, Hashable {
  /// The deterministic key (`digest:{steward}:{date}`); a second entry with the same key is ignored.
  public var key: String
  /// The audience the router resolves to a receiver (`steward`, `project-lead`, `operations`, `admin`).
  public var audience: String
  /// The message, as JSON text.
  public var payload: String
  /// The earliest instant it may be sent.
  public var notBefore: Date

  /// An entry sent no earlier than `notBefore`.
  public init(key: String, audience: String, payload: String, notBefore: Date) {
    self.key = key
    self.audience = audience
    self.payload = payload
    self.notBefore = notBefore
  }
}

/// One stored outbox row.
public struct OutboxRow: Sendable, Hashable, Codable {
  /// The row id (`visitctl outbox retry ID`).
  public var id: Int64
  /// The deterministic key.
  public var key: String
  /// The audience the router resolves to a receiver.
  public var audience: String
  /// Where the row stands.
  public var state: OutboxState
  /// Requests sent so far.
  public var attempts: Int
  /// When the current lease runs out.
  public var leaseUntil: Date?
  /// When the row is next due.
  public var nextAttempt: Date?
  /// When the row was enqueued (or last retried by hand).
  public var createdAt: Date
  /// The message, as JSON text.
  public var payload: String
  /// The last failure, redacted.
  public var lastError: String?

  /// A row as a store reads it back.
  public init(
    id: Int64, key: String, audience: String, state: OutboxState, attempts: Int, leaseUntil: Date?,
    nextAttempt: Date?, createdAt: Date, payload: String, lastError: String?
  ) {
    self.id = id
    self.key = key
    self.audience = audience
    self.state = state
    self.attempts = attempts
    self.leaseUntil = leaseUntil
    self.nextAttempt = nextAttempt
    self.createdAt = createdAt
    self.payload = payload
    self.lastError = lastError
  }
}

/// A row a worker claimed, and whether sending it may duplicate an earlier request.
public struct ClaimedRow: Sendable, Hashable {
  /// The row, as claimed.
  public var row: OutboxRow
  /// True when a worker died while this row's request may have been on its way.
  public var possibleDuplicate: Bool

  /// A claimed row.
  public init(row: OutboxRow, possibleDuplicate: Bool) {
    self.row = row
    self.possibleDuplicate = possibleDuplicate
  }
}

/// What a claim returned: rows to send, and rows dead-lettered because they were in doubt twice.
public struct OutboxClaim: Sendable, Hashable {
  /// Rows to send, under a lease.
  public var rows: [ClaimedRow]
  /// Rows whose one resend may itself have left before a crash; dead-lettered, never sent again.
  public var deadLettered: [OutboxRow]

  /// A claim result.
  public init(rows: [ClaimedRow], deadLettered: [OutboxRow]) {
    self.rows = rows
    self.deadLettered = deadLettered
  }
}

/// What happened to a claimed row.
public enum OutboxResult: Sendable, Hashable {
  /// Accepted by the receiver.
  case delivered
  /// Failed for now; due again at the instant.
  case retry(at: Date, error: String)
  /// Given up on.
  case dead(error: String)
  /// Not sent (quiet hours, rate budget); due again at the instant, no attempt counted.
  case deferred(until: Date)
}
