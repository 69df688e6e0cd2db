import Foundation
import Store
import StorePostgres
import TestSupport
import Testing

/// What only the PostgreSQL store has: its URL, and several stores (processes, later nodes) on one database.
@Suite struct PostgresStoreTests {
  @Test func aURLNamesTheServerTheRoleAndTheDatabase() throws {
    let tcp = try PostgresLocation(url: "postgres://visitd:secret@db.example:5433/visits")
    #expect(tcp.user == "visitd" && tcp.password == "secret" && tcp.host == "db.example")
    #expect(tcp.port == 5433 && tcp.database == "visits" && tcp.socketDirectory == nil)
    #expect(!tcp.description.contains("secret"), "the password is never printed")
    let socket = try PostgresLocation(url: "postgresql://visitd@/visits?host=/run/postgresql")
    #expect(socket.socketDirectory == "/run/postgresql" && socket.port == 5432)
    for wrong in [
      "postgres://db.example/visits", "postgres://visitd@db.example", "/var/lib/visitd/visitd.sqlite",
    ] {
      #expect(throws: StoreError.self, "\(wrong)") { try PostgresLocation(url: wrong) }
    }
  }

  @Test func twoStoresOnOneDatabaseMigrateOnceAndSeeEachOthersWrites() throws {
    let url = try PostgresServer.freshDatabase()
    let first = try PostgresStore(url: url)
    let second = try PostgresStore(url: url)
    #expect(try second.appliedMigrations() == ["v1", "v2"])
    try first.write(Seed.batch)
    #expect(try second.loadFacts().households["H1"] != nil)
  }

  @Test func twoStoresClaimingAtOnceNeverClaimTheSameRow() throws {
    let url = try PostgresServer.freshDatabase()
    let stores = [try PostgresStore(url: url), try PostgresStore(url: url)]
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let entries = (0..<200).map {
      OutboxEntry(key: "k\($0)", audience: "steward", payload: "{}", notBefore: now)
    }
    #expect(try stores[0].enqueue(entries) == 200)
    let claimed = ClaimedIDs()
    DispatchQueue.concurrentPerform(iterations: 2) { index in
      for _ in 0..<5 {
        let ids = (try? stores[index].claimDue(now: now, limit: 30, lease: 60).rows.map(\.row.id)) ?? []
        claimed.add(ids)
      }
    }
    let all = claimed.ids
    #expect(all.count == Set(all).count, "no row claimed twice")
    #expect(all.count == 200)
  }
}

/// Row ids claimed by several threads.
private final class ClaimedIDs: @unchecked Sendable {
  private let lock = NSLock()
  private var claimed: [Int64] = []

  func add(_ ids: [Int64]) { lock.withLock { claimed += ids } }

  var ids: [Int64] { lock.withLock { claimed } }
}
