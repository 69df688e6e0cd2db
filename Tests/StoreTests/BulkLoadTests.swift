import Foundation
import Planner
import Policy
import Store
import StorePostgres
import TestSupport
import Testing

/// A first import into an empty PostgreSQL store goes in bulk: COPY into the tables with their keys, indexes and
/// foreign keys dropped, all created again before the commit. It must store what a row-by-row write stores and
/// leave the schema the migrations made.
@Suite struct BulkLoadTests {
  /// Texts COPY must escape (its separators, its escape and null marks), quotes and Chinese.
  static let awkward = ["a\tb", "line\nbreak", "back\\slash", "\\N", "cr\rlf", "引号\"'", "张", "\\."]

  /// Forty households with awkward owners, rooms and tags, and a visit capturing all it can.
  static var batch: FactBatch {
    var batch = Seed.batch
    batch.households = (0..<40).map { index in
      Household(
        id: "H\(index)", project: index % 2 == 0 ? "P1" : "P2", building: "1栋", unit: "1单元",
        room: awkward[index % awkward.count], area: index % 2 == 0 ? "A1" : "A2",
        owner: Owner(
          surname: awkward[(index + 1) % awkward.count], name: awkward[(index + 2) % awkward.count],
          phone: "1381234\(1000 + index)"),
        tags: [awkward[index % awkward.count], "vip"],
        states: [Dated(.occupied, since: Seed.instant("2024-06-15"))],
        grades: [Dated(.c, since: Seed.instant("2024-01-10"))],
        events: [
          HouseholdEvent(.movedIn, at: Seed.instant("2024-06-15")),
          HouseholdEvent(.delivered, at: Seed.instant("2024-01-0\(1 + index % 9)")),
        ])
    }
    let visit = Visit(
      id: "V1", household: "H3", at: Seed.instant("2026-03-10 18:05"), channel: .inHome, kind: .deep,
      steward: "S1",
      captured: Captured(
        infoChanged: [.hobbies], feedback: [FeedbackItem(category: "parking", isNeed: true)],
        ratings: ["overall": 4], tickets: ["访谈-001"]))
    batch.visits = [
      VisitRecord(visit: visit, details: [.hobbies: awkward[0]], feedbackTexts: [awkward[1] + awkward[2]])
    ]
    return batch
  }

  @Test func aFirstImportStoresWhatARowByRowWriteStores() throws {
    let folder = TempFolder()
    let bulk = try StoreBackend.postgres.open(in: folder)
    let reference = try StoreBackend.sqlite.open(in: folder)
    let bulkSummary = try bulk.write(Self.batch)
    #expect(bulkSummary == (try reference.write(Self.batch)))
    let rowByRow = try StoreBackend.postgres.open(in: folder)
    var first = Seed.batch
    first.households = [Seed.household("H0")]
    try rowByRow.write(first)
    try rowByRow.write(Self.batch)
    let (loaded, expected) = (try bulk.loadFacts(), try reference.loadFacts())
    let written = try rowByRow.loadFacts()
    for id in Self.batch.households.map(\.id) {
      #expect(loaded.households[id] == expected.households[id], "\(id)")
      #expect(loaded.households[id] == written.households[id], "\(id)")
    }
    #expect(loaded.visits(of: "H3") == expected.visits(of: "H3"))
    #expect(loaded.tickets(of: "H3") == expected.tickets(of: "H3"))
    #expect(try bulk.rowCounts() == rowByRow.rowCounts())
  }

  @Test func theRePlanAfterAFirstImportPlansFromWhatReadingTheStoreBackGives() throws {
    let folder = TempFolder()
    let store = try StoreBackend.postgres.open(in: folder)
    let unround = Date(timeIntervalSinceReferenceDate: 0.1)
    #expect(Date(timeIntervalSince1970: unround.timeIntervalSince1970) != unround, "an instant seconds alter")
    var batch = Self.batch
    batch.households[0] = Household(
      id: "H0", project: "P1", building: "1栋", area: "A1", tags: ["a,b", "", "c"],
      states: [Dated(.occupied, since: unround)], events: [HouseholdEvent(.delivered, at: unround)])
    let again = Visit(
      id: "V0", household: "H5", at: unround, channel: .phone, steward: "S1",
      captured: Captured(tickets: ["访谈-001", "访谈-000", "访谈-000"]))
    batch.visits.append(VisitRecord(visit: again))
    var planned: Facts?
    try store.write(batch, dryRun: false) { _, _, reader in
      planned = try reader.loadFacts()
      return nil
    }
    let stored = try store.loadFacts()
    for id in batch.households.map(\.id) {
      #expect(planned?.households[id] == stored.households[id], "\(id)")
      #expect(planned?.visits(of: id) == stored.visits(of: id), "\(id)")
      #expect(planned?.tickets(of: id) == stored.tickets(of: id), "\(id)")
    }
    #expect(stored.visits(of: "H5").first?.captured.tickets == ["访谈-000"], "访谈-001 stays V1's")
  }

  @Test func aBulkLoadLeavesTheMigratedSchemaWithItsIndexesBuiltAnew() throws {
    let server = try PostgresServer.shared()
    let url = try PostgresServer.freshDatabase()
    let store = try PostgresStore(url: url)
    let migrated = try Schema(server, url)
    try store.write(Self.batch)
    let loaded = try Schema(server, url)
    #expect(loaded.definitions == migrated.definitions)
    #expect(loaded.householdIndexes != migrated.householdIndexes, "the first import was not a bulk load")
    var next = FactBatch()
    next.households = [Seed.household("H99")]
    try store.write(next)
    #expect(try Schema(server, url) == loaded, "a write into tables with rows is not a bulk load")
  }

  @Test func aBatchNotAllNewEndsTheBulkLoadAndMergesAsOneByOne() throws {
    let folder = TempFolder()
    var repeated = Seed.household("H3", area: "A1")
    repeated.room = "202"
    repeated.states.append(Dated(.vacant, since: Seed.instant("2025-01-01")))
    var second = FactBatch()
    second.households = [repeated, Seed.household("H100")]
    second.householdEntries = [
      HouseholdEntry(household: "H5", change: .grade(.a), at: Seed.instant("2026-01-01"))
    ]
    var summaries: [WriteSummary] = []
    var facts: [Facts] = []
    for backend in StoreBackend.allCases {
      let store = try backend.open(in: folder)
      var batches = [Self.batch, second]
      summaries.append(
        try store.write(
          next: { batches.isEmpty ? nil : batches.removeFirst() }, dryRun: false, replan: nil
        ).summary)
      facts.append(try store.loadFacts())
    }
    #expect(summaries[0] == summaries[1])
    for id in ["H3", "H5", "H100"] { #expect(facts[0].households[id] == facts[1].households[id], "\(id)") }
    #expect(facts[1].households["H3"]?.room == "202")
  }

  @Test func aFailedFirstImportLeavesNoRowAndTheSchemaWhole() throws {
    let server = try PostgresServer.shared()
    let url = try PostgresServer.freshDatabase()
    let store = try PostgresStore(url: url)
    let migrated = try Schema(server, url)
    var stray = FactBatch()
    stray.visits = [
      VisitRecord(
        visit: Visit(
          id: "V9", household: "NOPE", at: Seed.instant("2026-03-10 18:05"), channel: .phone, steward: "S1"))
    ]
    var batches = [Self.batch, stray]
    #expect(throws: StoreError.self) {
      try store.write(next: { batches.isEmpty ? nil : batches.removeFirst() }, dryRun: false, replan: nil)
    }
    #expect(try Schema(server, url) == migrated)
    #expect(try store.rowCounts()["household"] == 0)
  }

  @Test func aCopyTheServerRefusesFailsTheImportNamingItsTableAndTheStoreStaysUsable() throws {
    let server = try PostgresServer.shared()
    let url = try PostgresServer.freshDatabase()
    let store = try PostgresStore(url: url)
    let migrated = try Schema(server, url)
    var refused = Self.batch
    refused.visits[0].visit.captured.ratings = ["overall": 7]
    let error = #expect(throws: StoreError.self) { try store.write(refused) }
    #expect(error?.message.contains("visit_rating") == true, "\(String(describing: error))")
    #expect(try Schema(server, url) == migrated)
    #expect(try store.rowCounts()["household"] == 0)
    try store.write(Self.batch)
    #expect(try store.rowCounts()["household"] == 40)
  }
}

/// The keys, indexes and foreign keys of a database's tables, and the object ids of the household table's
/// indexes (new ones when they were built again).
private struct Schema: Equatable {
  let definitions: [String]
  let householdIndexes: [String]

  init(_ server: PostgresServer, _ url: String) throws {
    definitions =
      try server.query(
        """
        SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
        WHERE connamespace = 'public'::regnamespace ORDER BY 1
        """, on: url)
      + server.query(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1", on: url)
    householdIndexes = try server.query(
      "SELECT indexrelid::text FROM pg_index WHERE indrelid = 'household'::regclass ORDER BY 1", on: url)
  }
}
