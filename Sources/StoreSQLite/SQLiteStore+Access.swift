import Foundation
import GRDB
import Store
import Synchronization

extension SQLiteStore: AccessStore {
  /// Stores a token; a second token with the same id or secret hash is refused.
  public func addToken(_ record: TokenRecord, secretHash: String) throws {
    do {
      try writeImmediately { db in
        try db.execute(
          sql: """
            INSERT INTO api_token (id, secret_hash, principal, scopes, issued, expires, revoked)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
          arguments: [
            record.id, secretHash, record.principal.identity, Scope.text(record.principal.scopes),
            record.issued.timeIntervalSince1970, record.expires?.timeIntervalSince1970,
            record.revoked?.timeIntervalSince1970,
          ])
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
      throw StoreError("token \(record.id): a token with this id or secret is stored already")
    }
  }

  /// The token stored under `secretHash`, nil when none.
  public func token(secretHash: String) throws -> TokenRecord? {
    try pool.read { db in
      try Row.fetchOne(
        db, sql: "SELECT \(Self.tokenColumns) FROM api_token WHERE secret_hash = ?", arguments: [secretHash]
      ).map(Self.tokenRecord)
    }
  }

  /// Every token, in the order they were issued.
  public func tokens() throws -> [TokenRecord] {
    try pool.read { db in
      try Row.fetchAll(db, sql: "SELECT \(Self.tokenColumns) FROM api_token ORDER BY issued, id")
        .map(Self.tokenRecord)
    }
  }

  /// Marks token `id` revoked at `instant` unless it is unknown or revoked already.
  public func revokeToken(id: String, at instant: Date) throws -> Bool {
    try writeImmediately { db in
      try db.execute(
        sql: "UPDATE api_token SET revoked = ? WHERE id = ? AND revoked IS NULL",
        arguments: [instant.timeIntervalSince1970, id])
      return db.changesCount > 0
    }
  }

  /// Appends one record to the access log.
  public func recordAccess(_ record: AccessRecord) throws { try recordAccess([record]) }

  /// Appends `records` to the access log in one transaction: all of them or none.
  public func recordAccess(_ records: [AccessRecord]) throws {
    guard !records.isEmpty else { return }
    try writeImmediately { db in
      let insert = try db.cachedStatement(
        sql: """
          INSERT INTO access_log (at, token, principal, scopes, household, what, why)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """)
      for record in records {
        try insert.execute(arguments: [
          record.at.timeIntervalSince1970, record.token, record.principal.identity,
          Scope.text(record.principal.scopes), record.household, record.what, record.why,
        ])
      }
    }
  }

  /// The access log from `since` on, oldest first (in the order written within one instant).
  public func accessLog(since: Date?, limit: Int) throws -> [AccessRecord] {
    try pool.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT at, token, principal, scopes, household, what, why FROM access_log
          WHERE at >= ? ORDER BY at, id LIMIT ?
          """,
        arguments: [since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude, max(limit, 0)]
      ).map(Self.accessRecord)
    }
  }

  /// The answer kept for `key` of `token`, nil when none.
  public func idempotentAnswer(token: String, key: String) throws -> IdempotentAnswer? {
    try pool.read { db in try Self.answer(token: token, key: key, db: db) }
  }

  /// How long the first answer to an idempotency key is kept: a phone that queued a form offline for days
  /// still gets its first answer when it sends it again.
  public static let idempotentAnswerRetention: TimeInterval = 7 * 86_400

  /// Inserts the answer unless the key has one, and returns the one kept, in one transaction; answers older
  /// than `idempotentAnswerRetention` are forgotten (at most once an hour per store, so no write pays for it
  /// more often).
  public func keepAnswer(_ answer: IdempotentAnswer, token: String, key: String, at instant: Date) throws
    -> IdempotentAnswer
  {
    let prune = lastAnswerPrune.withLock { last in
      guard last.map({ instant.timeIntervalSince($0) >= 3600 }) ?? true else { return false }
      last = instant
      return true
    }
    return try writeImmediately { db in
      if prune {
        try db.execute(
          sql: "DELETE FROM idempotent_answer WHERE at < ?",
          arguments: [instant.timeIntervalSince1970 - Self.idempotentAnswerRetention])
      }
      try db.execute(
        sql: """
          INSERT OR IGNORE INTO idempotent_answer (token, key, request_digest, status, body, at)
          VALUES (?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          token, key, answer.requestDigest, answer.status, answer.body, instant.timeIntervalSince1970,
        ])
      guard let kept = try Self.answer(token: token, key: key, db: db) else {
        throw StoreError("the answer to idempotency key '\(key)' was not kept")
      }
      return kept
    }
  }

  private static let tokenColumns = "id, principal, scopes, issued, expires, revoked"

  private static func tokenRecord(_ row: Row) throws -> TokenRecord {
    let id: String = row["id"]
    return TokenRecord(
      id: id, principal: try principal(row, in: "api_token \(id)"),
      issued: Date(timeIntervalSince1970: row["issued"]),
      expires: (row["expires"] as Double?).map(Date.init(timeIntervalSince1970:)),
      revoked: (row["revoked"] as Double?).map(Date.init(timeIntervalSince1970:)))
  }

  private static func accessRecord(_ row: Row) throws -> AccessRecord {
    let token: String = row["token"]
    return AccessRecord(
      at: Date(timeIntervalSince1970: row["at"]), token: token,
      principal: try principal(row, in: "access_log of \(token)"), household: row["household"],
      what: row["what"], why: row["why"])
  }

  /// The principal of a row's `principal` and `scopes` columns; a row that names none is an error naming it.
  private static func principal(_ row: Row, in place: String) throws -> Principal {
    let (identity, scopes): (String, String) = (row["principal"], row["scopes"])
    guard let set = Scope.set(text: scopes), let principal = Principal(identity: identity, scopes: set) else {
      throw StoreError(
        "\(place): principal '\(identity)' with scopes '\(scopes)' is not one of steward:ID, lead:PROJECT, "
          + "operations, admin, calendar:S, integration:NAME with scopes \(Scope.allCases.map(\.rawValue))")
    }
    return principal
  }

  private static func answer(token: String, key: String, db: Database) throws -> IdempotentAnswer? {
    try Row.fetchOne(
      db, sql: "SELECT request_digest, status, body FROM idempotent_answer WHERE token = ? AND key = ?",
      arguments: [token, key]
    ).map { IdempotentAnswer(requestDigest: $0["request_digest"], status: $0["status"], body: $0["body"]) }
  }

  /// Runs `work` in an immediate transaction: the write lock is taken first, so no other process's write slips
  /// between a read and the write that depends on it.
  private func writeImmediately<T>(_ work: (Database) throws -> T) throws -> T {
    try pool.writeWithoutTransaction { db in
      var result: T?
      try db.inTransaction(.immediate) {
        result = try work(db)
        return .commit
      }
      guard let result else { throw StoreError("a write transaction ended without a result") }
      return result
    }
  }
}
