import Foundation
import PostgresNIO
import Store

extension PostgresStore: OutboxStore {
  /// Adds entries in a transaction of their own, ignoring known keys.
  @discardableResult
  public func enqueue(_ entries: [OutboxEntry]) throws -> Int {
    try connection.transaction { session in try PostgresOutboxRows.enqueue(entries, session: session) }
  }

  /// Claims due rows; an expired `sending` row comes back as a possible duplicate, an expired `resending` dies.
  ///
  /// The due rows are selected `FOR UPDATE SKIP LOCKED`: a row another process is claiming at the same moment is
  /// left to it, so two workers on one database never claim the same row.
  public func claimDue(now: Date, limit: Int, lease: TimeInterval) throws -> OutboxClaim {
    try connection.transaction { session in
      var claim = OutboxClaim(rows: [], deadLettered: [])
      let until = now.addingTimeInterval(lease).timeIntervalSince1970
      let moment = now.timeIntervalSince1970
      let due = try session.rows(
        """
        SELECT \(unescaped: PostgresOutboxRows.columns) FROM outbox
        WHERE (state = 'pending' AND next_attempt <= \(moment))
          OR (state IN \(unescaped: PostgresOutboxRows.inFlight) AND lease_until <= \(moment))
        ORDER BY coalesce(next_attempt, created_at), id LIMIT \(limit) FOR UPDATE SKIP LOCKED
        """
      ).map(PostgresOutboxRows.decode)
      for var row in due {
        if row.state == .resending {
          row.state = .dead
          row.lastError = "in doubt twice: the worker died during the one resend of a possibly sent request"
          try session.run(
            "UPDATE outbox SET state = 'dead', lease_until = NULL, last_error = \(row.lastError) WHERE id = \(row.id)"
          )
          claim.deadLettered.append(row)
          continue
        }
        let doubtful = row.state == .sending || row.state == .reclaimed
        row.state = doubtful ? .reclaimed : .claimed
        row.leaseUntil = Date(timeIntervalSince1970: until)
        try session.run(
          "UPDATE outbox SET state = \(row.state.rawValue), lease_until = \(until) WHERE id = \(row.id)")
        claim.rows.append(ClaimedRow(row: row, possibleDuplicate: doubtful))
      }
      return claim
    }
  }

  /// Writes `sending` (`resending` for reclaimed rows) and counts the attempt, before requests leave.
  public func markSending(_ ids: [Int64], now: Date, lease: TimeInterval) throws {
    let until = now.addingTimeInterval(lease).timeIntervalSince1970
    try connection.transaction { session in
      try session.run(
        """
        UPDATE outbox SET state = CASE state WHEN 'reclaimed' THEN 'resending' ELSE 'sending' END,
          attempts = attempts + 1, lease_until = \(until)
        WHERE id = ANY(\(ids)) AND state IN ('claimed', 'reclaimed')
        """)
    }
  }

  /// Records outcomes and enqueues follow-ups in one transaction.
  public func record(_ results: [Int64: OutboxResult], followUps: [OutboxEntry]) throws {
    try connection.transaction { session in
      for (id, result) in results { try apply(result, to: id, session: session) }
      try PostgresOutboxRows.enqueue(followUps, session: session)
    }
  }

  /// Rows, newest first, in one state or all.
  public func outboxRows(state: OutboxState?, limit: Int) throws -> [OutboxRow] {
    try connection.withSession { session in
      let columns = PostgresOutboxRows.columns
      let rows =
        if let state {
          try session.rows(
            """
            SELECT \(unescaped: columns) FROM outbox WHERE state = \(state.rawValue) ORDER BY id DESC LIMIT \(limit)
            """)
        } else {
          try session.rows("SELECT \(unescaped: columns) FROM outbox ORDER BY id DESC LIMIT \(limit)")
        }
      return try rows.map(PostgresOutboxRows.decode)
    }
  }

  /// The number of rows in each state.
  public func outboxCounts() throws -> [OutboxState: Int] {
    try connection.withSession { session in
      var counts: [OutboxState: Int] = [:]
      for row in try session.rows("SELECT state, count(*) FROM outbox GROUP BY state") {
        let (state, count) = try row.decode((String, Int).self)
        if let state = OutboxState(rawValue: state) { counts[state] = count }
      }
      return counts
    }
  }

  /// Makes a dead or pending row due now with a fresh age.
  public func retryOutbox(id: Int64, now: Date) throws -> Bool {
    let moment = now.timeIntervalSince1970
    return try connection.withSession { session in
      try session.run(
        """
        UPDATE outbox SET state = 'pending', next_attempt = \(moment), created_at = \(moment), lease_until = NULL
        WHERE id = \(id) AND state IN ('dead', 'pending')
        """) > 0
    }
  }

  /// The earliest instant a row becomes due.
  public func nextOutboxDue() throws -> Date? {
    try connection.withSession { session in
      try session.rows(
        """
        SELECT min(t) FROM (
          SELECT min(next_attempt) AS t FROM outbox WHERE state = 'pending'
          UNION ALL SELECT min(lease_until) FROM outbox WHERE state IN \(unescaped: PostgresOutboxRows.inFlight)) AS due
        """
      ).first?.decode(Double?.self).map(Date.init(timeIntervalSince1970:))
    }
  }

  private func apply(_ result: OutboxResult, to id: Int64, session: PostgresSession) throws {
    switch result {
    case .delivered:
      try session.run(
        "UPDATE outbox SET state = 'delivered', lease_until = NULL, last_error = NULL WHERE id = \(id)")
    case .retry(let at, let error):
      try session.run(
        """
        UPDATE outbox SET state = 'pending', next_attempt = \(at.timeIntervalSince1970), lease_until = NULL,
          last_error = \(error) WHERE id = \(id)
        """)
    case .dead(let error):
      try session.run(
        "UPDATE outbox SET state = 'dead', lease_until = NULL, last_error = \(error) WHERE id = \(id)")
    case .deferred(let until):
      // A claimed row goes back to pending; a reclaimed one keeps its doubt and waits out a lease instead.
      let moment = until.timeIntervalSince1970
      try session.run(
        """
        UPDATE outbox SET state = CASE state WHEN 'reclaimed' THEN 'reclaimed' ELSE 'pending' END,
          next_attempt = \(moment), lease_until = CASE state WHEN 'reclaimed' THEN \(moment) ELSE NULL END
        WHERE id = \(id)
        """)
    }
  }
}
