import Foundation
import PostgresNIO
import Store

/// The outbox's SQL, on a session the caller holds (so a schedule run enqueues in its own transaction).
enum PostgresOutboxRows {
  static let columns =
    "id, key, audience, state, attempts, lease_until, next_attempt, created_at, payload, last_error"
  static let inFlight = "('claimed', 'reclaimed', 'sending', 'resending')"

  /// Inserts entries, ignoring known keys (a key repeated among them too); returns how many were added.
  @discardableResult
  static func enqueue(_ entries: [OutboxEntry], session: PostgresSession) throws -> Int {
    guard !entries.isEmpty else { return 0 }
    let due = entries.map(\.notBefore.timeIntervalSince1970)
    return try session.run(
      """
      INSERT INTO outbox (key, audience, state, attempts, next_attempt, created_at, payload)
      SELECT key, audience, 'pending', 0, due, due, payload
      FROM unnest(\(entries.map(\.key))::text[], \(entries.map(\.audience))::text[], \(due)::float8[],
        \(entries.map(\.payload))::text[]) WITH ORDINALITY AS e(key, audience, due, payload, position)
      ORDER BY position
      ON CONFLICT (key) DO NOTHING
      """)
  }

  /// Decodes a row selected with `columns`.
  static func decode(_ row: PostgresRow) throws -> OutboxRow {
    let (id, key, audience, state, attempts, lease, next, created, payload, error) = try row.decode(
      (Int64, String, String, String, Int, Double?, Double?, Double, String, String?).self)
    return OutboxRow(
      id: id, key: key, audience: audience, state: OutboxState(rawValue: state) ?? .pending,
      attempts: attempts,
      leaseUntil: lease.map(Date.init(timeIntervalSince1970:)),
      nextAttempt: next.map(Date.init(timeIntervalSince1970:)),
      createdAt: Date(timeIntervalSince1970: created),
      payload: payload, lastError: error)
  }
}
