import Foundation
import NIOCore
import NIOFoundationCompat
import PostgresNIO
import Store

extension PostgresStore: AccessStore {
  /// Stores a token; a second token with the same id or secret hash is refused.
  public func addToken(_ record: TokenRecord, secretHash: String) throws {
    let added = try connection.withSession { session in
      try session.run(
        """
        INSERT INTO api_token (id, secret_hash, principal, scopes, issued, expires, revoked)
        VALUES (\(record.id), \(secretHash), \(record.principal.identity), \(Scope.text(record.principal.scopes)),
          \(record.issued.timeIntervalSince1970), \(record.expires?.timeIntervalSince1970),
          \(record.revoked?.timeIntervalSince1970))
        ON CONFLICT DO NOTHING
        """)
    }
    guard added > 0 else {
      throw StoreError("token \(record.id): a token with this id or secret is stored already")
    }
  }

  /// The token stored under `secretHash`, nil when none.
  public func token(secretHash: String) throws -> TokenRecord? {
    try connection.withSession { session in
      try session.rows(
        "SELECT \(unescaped: Self.tokenColumns) FROM api_token WHERE secret_hash = \(secretHash)"
      ).first.map(Self.tokenRecord)
    }
  }

  /// Every token, in the order they were issued.
  public func tokens() throws -> [TokenRecord] {
    try connection.withSession { session in
      try session.rows("SELECT \(unescaped: Self.tokenColumns) FROM api_token ORDER BY issued, id")
        .map(Self.tokenRecord)
    }
  }

  /// Marks token `id` revoked at `instant` unless it is unknown or revoked already.
  public func revokeToken(id: String, at instant: Date) throws -> Bool {
    try connection.withSession { session in
      try session.run(
        "UPDATE api_token SET revoked = \(instant.timeIntervalSince1970) WHERE id = \(id) AND revoked IS NULL"
      ) > 0
    }
  }

  /// Appends one record to the access log.
  public func recordAccess(_ record: AccessRecord) throws { try recordAccess([record]) }

  /// Appends `records` to the access log in one statement: all of them or none, in their order.
  public func recordAccess(_ records: [AccessRecord]) throws {
    guard !records.isEmpty else { return }
    try connection.withSession { session in
      try session.run(
        """
        INSERT INTO access_log (at, token, principal, scopes, household, what, why)
        SELECT at, token, principal, scopes, household, what, why
        FROM unnest(\(records.map(\.at.timeIntervalSince1970))::float8[], \(records.map(\.token))::text[],
          \(records.map(\.principal.identity))::text[], \(records.map { Scope.text($0.principal.scopes) })::text[],
          \(records.map(\.household))::text[], \(records.map(\.what))::text[], \(records.map(\.why))::text[])
          WITH ORDINALITY AS r(at, token, principal, scopes, household, what, why, position)
        ORDER BY position
        """)
    }
  }

  /// The access log from `since` on, oldest first (in the order written within one instant).
  public func accessLog(since: Date?, limit: Int) throws -> [AccessRecord] {
    let from = since?.timeIntervalSince1970 ?? -Double.greatestFiniteMagnitude
    return try connection.withSession { session in
      try session.rows(
        """
        SELECT at, token, principal, scopes, household, what, why FROM access_log
        WHERE at >= \(from) ORDER BY at, id LIMIT \(max(limit, 0))
        """
      ).map { row in
        let (at, token, identity, scopes, household, what, why) = try row.decode(
          (Double, String, String, String, String, String, String).self)
        return AccessRecord(
          at: Date(timeIntervalSince1970: at), token: token,
          principal: try Self.principal(identity, scopes, in: "access_log of \(token)"), household: household,
          what: what, why: why)
      }
    }
  }

  /// The answer kept for `key` of `token`, nil when none.
  public func idempotentAnswer(token: String, key: String) throws -> IdempotentAnswer? {
    try connection.withSession { session in try Self.answer(token: token, key: key, session: session) }
  }

  /// How long the first answer to an idempotency key is kept (as the SQLite store keeps it).
  public static let idempotentAnswerRetention: TimeInterval = 7 * 86_400

  /// Inserts the answer unless the key has one, and returns the one kept, in one transaction; answers older
  /// than `idempotentAnswerRetention` are forgotten at most once an hour per store.
  public func keepAnswer(_ answer: IdempotentAnswer, token: String, key: String, at instant: Date) throws
    -> IdempotentAnswer
  {
    let prune = lastAnswerPrune.withLockedValue { last in
      guard last.map({ instant.timeIntervalSince($0) >= 3600 }) ?? true else { return false }
      last = instant
      return true
    }
    let moment = instant.timeIntervalSince1970
    return try connection.transaction { session in
      if prune {
        try session.run(
          "DELETE FROM idempotent_answer WHERE at < \(moment - Self.idempotentAnswerRetention)")
      }
      try session.run(
        """
        INSERT INTO idempotent_answer (token, key, request_digest, status, body, at)
        VALUES (\(token), \(key), \(answer.requestDigest), \(answer.status), \(ByteBuffer(data: answer.body)),
          \(moment))
        ON CONFLICT DO NOTHING
        """)
      guard let kept = try Self.answer(token: token, key: key, session: session) else {
        throw StoreError("the answer to idempotency key '\(key)' was not kept")
      }
      return kept
    }
  }

  private static let tokenColumns = "id, principal, scopes, issued, expires, revoked"

  private static func tokenRecord(_ row: PostgresRow) throws -> TokenRecord {
    let (id, identity, scopes, issued, expires, revoked) = try row.decode(
      (String, String, String, Double, Double?, Double?).self)
    return TokenRecord(
      id: id, principal: try principal(identity, scopes, in: "api_token \(id)"),
      issued: Date(timeIntervalSince1970: issued), expires: expires.map(Date.init(timeIntervalSince1970:)),
      revoked: revoked.map(Date.init(timeIntervalSince1970:)))
  }

  /// The principal of a row's `principal` and `scopes` columns; a row that names none is an error naming it.
  private static func principal(_ identity: String, _ scopes: String, in place: String) throws -> Principal {
    guard let set = Scope.set(text: scopes), let principal = Principal(identity: identity, scopes: set) else {
      throw StoreError(
        "\(place): principal '\(identity)' with scopes '\(scopes)' is not one of steward:ID, lead:PROJECT, "
          + "operations, admin, calendar:S, integration:NAME with scopes \(Scope.allCases.map(\.rawValue))")
    }
    return principal
  }

  private static func answer(token: String, key: String, session: PostgresSession) throws -> IdempotentAnswer?
  {
    guard
      let row = try session.rows(
        "SELECT request_digest, status, body FROM idempotent_answer WHERE token = \(token) AND key = \(key)"
      ).first
    else { return nil }
    let (digest, status, body) = try row.decode((String, Int, ByteBuffer).self)
    return IdempotentAnswer(requestDigest: digest, status: status, body: Data(buffer: body))
  }
}
