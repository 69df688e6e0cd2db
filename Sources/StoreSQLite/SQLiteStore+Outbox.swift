import Foundation
import GRDB
import Store

extension SQLiteStore: OutboxStore {
  /// Adds entries in a transaction of their own, ignoring known keys.
  @discardableResult
  public func enqueue(_ entries: [OutboxEntry]) throws -> Int {
    try immediate { db in try OutboxRows.enqueue(entries, in: db) }
  }

  /// Claims due rows; an expired `sending` row comes back as a possible duplicate, an expired `resending` dies.
  public func claimDue(now: Date, limit: Int, lease: TimeInterval) throws -> OutboxClaim {
    try immediate { db in
      var claim = OutboxClaim(rows: [], deadLettered: [])
      let until = now.addingTimeInterval(lease).timeIntervalSince1970
      for var row in try OutboxRows.due(now: now, limit: limit, db: db) {
        if row.state == .resending {
          row.state = .dead
          row.lastError = "in doubt twice: the worker died during the one resend of a possibly sent request"
          try setState(row.id, .dead, lastError: row.lastError, db: db)
          claim.deadLettered.append(row)
          continue
        }
        let doubtful = row.state == .sending || row.state == .reclaimed
        row.state = doubtful ? .reclaimed : .claimed
        row.leaseUntil = Date(timeIntervalSince1970: until)
        try db.execute(
          sql: "UPDATE outbox SET state = ?, lease_until = ? WHERE id = ?",
          arguments: [row.state.rawValue, until, row.id])
        claim.rows.append(ClaimedRow(row: row, possibleDuplicate: doubtful))
      }
      return claim
    }
  }

  /// Writes `sending` (`resending` for reclaimed rows) and counts the attempt, before requests leave.
  public func markSending(_ ids: [Int64], now: Date, lease: TimeInterval) throws {
    let until = now.addingTimeInterval(lease).timeIntervalSince1970
    try immediate { db in
      let statement = try db.cachedStatement(
        sql: """
          UPDATE outbox SET state = CASE state WHEN 'reclaimed' THEN 'resending' ELSE 'sending' END,
            attempts = attempts + 1, lease_until = ? WHERE id = ? AND state IN ('claimed', 'reclaimed')
          """)
      for id in ids { try statement.execute(arguments: [until, id]) }
    }
  }

  /// Records outcomes and enqueues follow-ups in one transaction.
  public func record(_ results: [Int64: OutboxResult], followUps: [OutboxEntry]) throws {
    try immediate { db in
      for (id, result) in results { try apply(result, to: id, db: db) }
      try OutboxRows.enqueue(followUps, in: db)
    }
  }

  /// Rows, newest first, in one state or all.
  public func outboxRows(state: OutboxState?, limit: Int) throws -> [OutboxRow] {
    try pool.read { db in
      let filter = state == nil ? "" : "WHERE state = :state"
      let rows = try Row.fetchAll(
        db, sql: "SELECT \(OutboxRows.columns) FROM outbox \(filter) ORDER BY id DESC LIMIT :limit",
        arguments: ["state": state?.rawValue, "limit": limit])
      return rows.map(OutboxRows.decode)
    }
  }

  /// The number of rows in each state.
  public func outboxCounts() throws -> [OutboxState: Int] {
    try pool.read { db in
      var counts: [OutboxState: Int] = [:]
      for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n FROM outbox GROUP BY state") {
        if let state = OutboxState(rawValue: row["state"]) { counts[state] = row["n"] }
      }
      return counts
    }
  }

  /// Makes a dead or pending row due now with a fresh age.
  public func retryOutbox(id: Int64, now: Date) throws -> Bool {
    try immediate { db in
      try db.execute(
        sql: """
          UPDATE outbox SET state = 'pending', next_attempt = :now, created_at = :now, lease_until = NULL
          WHERE id = :id AND state IN ('dead', 'pending')
          """, arguments: ["now": now.timeIntervalSince1970, "id": id])
      return db.changesCount > 0
    }
  }

  /// The earliest instant a row becomes due.
  public func nextOutboxDue() throws -> Date? {
    try pool.read { db in
      try Double.fetchOne(
        db,
        sql: """
          SELECT min(t) FROM (
            SELECT min(next_attempt) AS t FROM outbox WHERE state = 'pending'
            UNION ALL SELECT min(lease_until) FROM outbox WHERE state IN \(OutboxRows.inFlight))
          """
      ).map(Date.init(timeIntervalSince1970:))
    }
  }

  private func immediate<T>(_ work: (Database) throws -> T) throws -> T {
    try pool.writeWithoutTransaction { db in
      var result: T?
      try db.inTransaction(.immediate) {
        result = try work(db)
        return .commit
      }
      return result!
    }
  }

  private func apply(_ result: OutboxResult, to id: Int64, db: Database) throws {
    switch result {
    case .delivered:
      try db.execute(
        sql: "UPDATE outbox SET state = 'delivered', lease_until = NULL, last_error = NULL WHERE id = ?",
        arguments: [id])
    case .retry(let at, let error):
      try db.execute(
        sql:
          "UPDATE outbox SET state = 'pending', next_attempt = ?, lease_until = NULL, last_error = ? WHERE id = ?",
        arguments: [at.timeIntervalSince1970, error, id])
    case .dead(let error):
      try setState(id, .dead, lastError: error, db: db)
    case .deferred(let until):
      try postpone(id, until: until, db: db)
    }
  }

  /// A claimed row goes back to pending; a reclaimed one keeps its doubt and waits out a lease instead.
  private func postpone(_ id: Int64, until: Date, db: Database) throws {
    try db.execute(
      sql: """
        UPDATE outbox SET
          state = CASE state WHEN 'reclaimed' THEN 'reclaimed' ELSE 'pending' END,
          next_attempt = ?1, lease_until = CASE state WHEN 'reclaimed' THEN ?1 ELSE NULL END
        WHERE id = ?2
        """, arguments: [until.timeIntervalSince1970, id])
  }

  private func setState(_ id: Int64, _ state: OutboxState, lastError: String?, db: Database) throws {
    try db.execute(
      sql: "UPDATE outbox SET state = ?, lease_until = NULL, last_error = ? WHERE id = ?",
      arguments: [state.rawValue, lastError, id])
  }
}
