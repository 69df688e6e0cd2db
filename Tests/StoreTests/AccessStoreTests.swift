import Foundation
import GRDB
import Operations
import Store
import Testing

@testable import StoreSQLite

@Suite struct AccessStoreTests {
  private let clock = Date(timeIntervalSince1970: 1_790_000_000)

  private static let everyKind: [Principal] = [
    .steward("S1"), .lead(project: "P1"), .operations, .admin,
    .integration(name: "crm", scopes: [.visitsWrite, .eventsWrite]),
    .integration(name: "tickets", scopes: [.eventsWrite]),
    .integration(name: "bi", scopes: Set(Scope.allCases)),
  ]

  @Test(arguments: everyKind)
  func aTokenReadsBackAsIssuedForEveryKindOfPrincipal(_ principal: Principal) throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    let (secret, record) = try AccessTokens.issue(principal, expiresIn: 30, store: store, clock: clock)
    let reopened = try SQLiteStore(path: folder.database)
    let read = try #require(try reopened.token(secretHash: AccessTokens.secretHash(secret)))
    #expect(read == record)
    #expect(read.principal == principal)
    #expect(read.expires == clock.addingTimeInterval(30 * 86_400))
    #expect(try reopened.tokens() == [record])
    #expect(Principal(text: principal.description) == principal)
  }

  @Test func theSecretIsNeverStoredOnlyItsHash() throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    let (secret, record) = try AccessTokens.issue(.operations, expiresIn: nil, store: store, clock: clock)
    #expect(secret.hasPrefix("vd_") && secret.count == 3 + 43)
    #expect(record.id.wholeMatch(of: /tok-[0-9a-f]{8}/) != nil)
    let stored = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM api_token") }
    let values = try #require(stored).databaseValues.map(\.description)
    #expect(!values.contains { $0.contains(secret.dropFirst(3)) })
    #expect(values.contains { $0.contains(AccessTokens.secretHash(secret)) })
  }

  @Test(arguments: StoreBackend.allCases)
  func aSecretAuthenticatesUntilItIsRevokedOrExpires(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let (secret, record) = try AccessTokens.issue(.steward("S1"), expiresIn: 1, store: store, clock: clock)
    #expect(try AccessTokens.authenticate(secret: secret, store: store, clock: clock) == record)
    #expect(try AccessTokens.authenticate(secret: secret + "x", store: store, clock: clock) == nil)
    let tomorrow = clock.addingTimeInterval(86_400)
    #expect(try AccessTokens.authenticate(secret: secret, store: store, clock: tomorrow) == nil)
    let (other, admin) = try AccessTokens.issue(.admin, expiresIn: nil, store: store, clock: clock)
    #expect(try AccessTokens.authenticate(secret: other, store: store, clock: clock) == admin)
    let revoked = try AccessTokens.revoke(id: admin.id, store: store, clock: clock)
    #expect(revoked.revoked == clock)
    #expect(try AccessTokens.authenticate(secret: other, store: store, clock: clock) == nil)
    #expect(try store.token(secretHash: AccessTokens.secretHash(other))?.revoked == clock)
  }

  @Test(arguments: StoreBackend.allCases)
  func revokingAnUnknownOrRevokedTokenSaysSo(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let (_, record) = try AccessTokens.issue(.operations, expiresIn: nil, store: store, clock: clock)
    #expect(try store.revokeToken(id: "tok-00000000", at: clock) == false)
    #expect(try store.revokeToken(id: record.id, at: clock) == true)
    #expect(try store.revokeToken(id: record.id, at: clock.addingTimeInterval(60)) == false)
    #expect(try store.tokens().first?.revoked == clock)
    #expect(throws: OperationError.self) {
      try AccessTokens.revoke(id: "tok-00000000", store: store, clock: clock)
    }
    #expect(throws: OperationError.self) {
      try AccessTokens.revoke(id: record.id, store: store, clock: clock)
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func aSecondTokenWithTheSameSecretHashIsRefused(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    try store.addToken(
      TokenRecord(id: "tok-1", principal: .admin, issued: clock, expires: nil), secretHash: "h")
    #expect(throws: StoreError.self) {
      try store.addToken(
        TokenRecord(id: "tok-2", principal: .steward("S1"), issued: clock, expires: nil), secretHash: "h")
    }
    #expect(try store.tokens().map(\.id) == ["tok-1"])
    #expect(try store.token(secretHash: "h")?.principal == .admin)
  }

  @Test(arguments: StoreBackend.allCases)
  func anIntegrationWithoutScopesOrAnEmptyNameIsNotIssued(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    #expect(throws: OperationError.self) {
      try AccessTokens.issue(
        .integration(name: "crm", scopes: []), expiresIn: nil, store: store, clock: clock)
    }
    #expect(throws: OperationError.self) {
      try AccessTokens.issue(.steward(""), expiresIn: nil, store: store, clock: clock)
    }
    #expect(throws: OperationError.self) {
      try AccessTokens.issue(.admin, expiresIn: 0, store: store, clock: clock)
    }
    #expect(try store.tokens().isEmpty)
  }

  @Test(arguments: StoreBackend.allCases)
  func theFirstAnswerToAnIdempotencyKeyIsKept(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let first = IdempotentAnswer(requestDigest: "d1", status: 201, body: Data(#"{"visit":"V1"}"#.utf8))
    let second = IdempotentAnswer(requestDigest: "d2", status: 422, body: Data("{}".utf8))
    #expect(try store.idempotentAnswer(token: "tok-1", key: "k") == nil)
    #expect(try store.keepAnswer(first, token: "tok-1", key: "k", at: clock) == first)
    #expect(try store.keepAnswer(second, token: "tok-1", key: "k", at: clock) == first)
    #expect(try store.idempotentAnswer(token: "tok-1", key: "k") == first)
    #expect(try store.keepAnswer(second, token: "tok-2", key: "k", at: clock) == second)
  }

  @Test(arguments: StoreBackend.allCases)
  func answersOlderThanAWeekAreForgottenAtMostHourly(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let answer = IdempotentAnswer(requestDigest: "d1", status: 201, body: Data("{}".utf8))
    _ = try store.keepAnswer(answer, token: "tok-1", key: "old", at: clock)
    _ = try store.keepAnswer(answer, token: "tok-1", key: "six-days", at: clock.addingTimeInterval(86_400))
    let eightDays = clock.addingTimeInterval(8 * 86_400)
    _ = try store.keepAnswer(answer, token: "tok-1", key: "new", at: eightDays)
    #expect(try store.idempotentAnswer(token: "tok-1", key: "old") == nil)
    #expect(try store.idempotentAnswer(token: "tok-1", key: "six-days") == answer)
    // Within the hour nothing more is pruned, although "six-days" is now past the week.
    _ = try store.keepAnswer(answer, token: "tok-1", key: "later", at: eightDays.addingTimeInterval(1800))
    #expect(try store.idempotentAnswer(token: "tok-1", key: "six-days") == answer)
  }

  @Test(arguments: StoreBackend.allCases)
  func theAccessLogListsFromADayOnInOrderAndRefusesChanges(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let crm = Principal.integration(name: "crm", scopes: [.reportsRead])
    let records = [
      AccessRecord(
        at: clock, token: "tok-1", principal: .steward("S1"), household: "H1", what: "phone", why: "回访"),
      AccessRecord(
        at: clock.addingTimeInterval(86_400), token: "tok-2", principal: .lead(project: "P1"),
        household: "H2",
        what: "phone", why: "投诉跟进"),
      AccessRecord(
        at: clock.addingTimeInterval(86_400), token: "tok-3", principal: crm, household: "H3", what: "phone",
        why: "sync"),
    ]
    for record in records { try store.recordAccess(record) }
    #expect(try store.accessLog(since: nil, limit: 10) == records)
    #expect(try store.accessLog(since: clock.addingTimeInterval(1), limit: 10) == Array(records.dropFirst()))
    #expect(try store.accessLog(since: nil, limit: 2) == Array(records.prefix(2)))
    if let sqlite = store as? SQLiteStore {
      #expect(throws: (any Error).self) {
        try sqlite.pool.write { db in try db.execute(sql: "DELETE FROM access_log") }
      }
    }
    #expect(try store.accessLog(since: nil, limit: 10).count == 3)
  }

  @Test func aVersion5DatabaseKeepsItsDataAndGainsTheAccessTables() throws {
    let folder = TempFolder()
    let pool = try DatabasePool(path: folder.database)
    try Schema.migrator.migrate(pool, upTo: "v5")
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO project VALUES ('P1', '翠湖花园', 'Asia/Shanghai', 'S1');
          INSERT INTO outbox (key, audience, state, attempts, next_attempt, created_at, payload)
          VALUES ('digest:S1:2026-11-02', 'steward', 'delivered', 1, 0, 0, '{}');
          """)
    }
    try pool.close()
    let store = try SQLiteStore(path: folder.database)
    #expect(try store.appliedMigrations().contains("v6"))
    #expect(try store.loadFacts().projects["P1"]?.name == "翠湖花园")
    #expect(try store.outboxRows(state: nil, limit: 10).map(\.key) == ["digest:S1:2026-11-02"])
    #expect(try store.tokens().isEmpty && store.accessLog(since: nil, limit: 10).isEmpty)
    _ = try AccessTokens.issue(.lead(project: "P1"), expiresIn: nil, store: store, clock: clock)
    #expect(try store.tokens().map(\.principal) == [.lead(project: "P1")])
    #expect(try store.integrityProblems().isEmpty)
  }

  @Test func principalTextsReadBackAndOddOnesAreRefused() {
    #expect(Principal(identity: "steward:S:1") == .steward("S:1"))
    #expect(
      Principal(text: "integration:crm[events:write,visits:write]")
        == .integration(name: "crm", scopes: [.eventsWrite, .visitsWrite]))
    for odd in [
      "", "steward", "steward:", "lead:", "owner:X", "operations:x", "integration:crm[nope]", "Admin",
    ] {
      #expect(Principal(text: odd) == nil, "\(odd)")
    }
    #expect(Principal(identity: "steward:S1", scopes: [.visitsWrite]) == nil)
  }
}
