import Foundation
import GRDB
import Store

/// The outbox's SQL, on a `Database` the caller holds (so the daemon can enqueue in its own transaction).
public enum OutboxRows {
  static let columns =
    "id, key, audience, state, attempts, lease_until, next_attempt, created_at, payload, last_error"
  static let inFlight = "('claimed', 'reclaimed', 'sending', 'resending')"

  /// Inserts entries inside the caller's transaction, ignoring known keys; returns how many were added.
  @discardableResult
  public static func enqueue(_ entries: [OutboxEntry], in db: Database) throws -> Int {
    let statement = try db.cachedStatement(
      sql: """
        INSERT INTO outbox (key, audience, state, attempts, next_attempt, created_at, payload)
        VALUES (?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (key) DO NOTHING
        """)
    var added = 0
    for entry in entries {
      let due = entry.notBefore.timeIntervalSince1970
      try statement.execute(arguments: [entry.key, entry.audience, due, due, entry.payload])
      added += db.changesCount
    }
    return added
  }

  /// Decodes a row selected with `columns`.
  static func decode(_ row: Row) -> OutboxRow {
    OutboxRow(
      id: row["id"], key: row["key"], audience: row["audience"],
      state: OutboxState(rawValue: row["state"]) ?? .pending, attempts: row["attempts"],
      leaseUntil: date(row["lease_until"]), nextAttempt: date(row["next_attempt"]),
      createdAt: Date(timeIntervalSince1970: row["created_at"]), payload: row["payload"],
      lastError: row["last_error"])
  }

  /// Rows due at `now`: pending and due, or in flight with an expired lease.
  static func due(now: Date, limit: Int, db: Database) throws -> [OutboxRow] {
    let sql = """
      SELECT \(columns) FROM outbox
      WHERE (state = 'pending' AND next_attempt <= :now) OR (state IN \(inFlight) AND lease_until <= :now)
      ORDER BY coalesce(next_attempt, created_at), id LIMIT :limit
      """
    let rows = try Row.fetchAll(
      db, sql: sql, arguments: ["now": now.timeIntervalSince1970, "limit": limit])
    return rows.map(decode)
  }

  private static func date(_ seconds: Double?) -> Date? {
    seconds.map(Date.init(timeIntervalSince1970:))
  }
}
