import CalendarSpec
import Foundation
import GRDB
import Planner
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

/// `visitctl import all FOLDER`: the files of a folder read in order, each checked against what the files
/// before it add, and written as one batch.
@Suite struct FolderImportTests {
  private static let now = Seed.instant("2026-11-01 12:00")

  private func demoFolder(_ folder: TempFolder) throws -> String {
    let demo = folder.path + "/demo"
    _ = try DemoGenerator(
      projects: 2, households: 150, seed: 11, asOf: LocalDate(year: 2026, month: 10, day: 31)!
    )
    .write(to: demo)
    return demo
  }

  @Test func aFolderImportsTheSameFactsAsItsFilesOneByOne() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let together = try SQLiteStore(path: folder.path + "/together.sqlite")
    let outcome = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
      .read()
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    #expect(outcome.files.map(\.kind) == FactFileKind.allCases)
    try together.write(outcome.batch)

    let oneByOne = try SQLiteStore(path: folder.path + "/one-by-one.sqlite")
    for kind in FactFileKind.allCases {
      let context = ImportContext(catalog: try oneByOne.catalog(withHouseholds: true), now: Self.now)
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: demo + "/" + kind.fileName)))
      let file = FactImporter(kind: kind, fileName: kind.fileName, context: context).read(bytes: bytes)
      #expect(file.issues.isEmpty, "\(file.issues)")
      try oneByOne.write(file.batch)
    }
    let counts = try together.rowCounts()
    #expect(counts == (try oneByOne.rowCounts()))
    #expect((counts["household"] ?? 0) == 150 && (counts["visit"] ?? 0) > 0)
    let facts = try together.loadFacts()
    let expected = try oneByOne.loadFacts()
    #expect(facts.households == expected.households)
    #expect(facts.allVisits == expected.allVisits)
  }

  @Test func aFirstImportPlansFromWhatItWroteAsFromTheStore() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let store = try SQLiteStore(path: folder.database)
    let planning = StoredPlanning(rules: PlanStampTests.rules, clock: Self.now)
    var seen: (facts: Facts, fromWrite: Bool)?
    let importer = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
    _ = try importer.importInto(store, encoding: nil, dryRun: false) { summary, before, reader in
      seen = (try reader.loadFacts(), (reader as? StoreReader)?.written != nil)
      return try planning.afterWrite(summary, before: before, reader)
    }
    #expect(seen?.fromWrite == true, "an import into an empty store plans from what it wrote")
    #expect(try store.pool.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    #expect(!FileManager.default.fileExists(atPath: folder.database + "-journal"))
    let stored = try store.loadFacts()
    #expect(seen?.facts.households == stored.households)
    #expect(seen?.facts.allVisits == stored.allVisits)
    #expect(stored.allVisits.contains { !$0.captured.tickets.isEmpty })
    #expect(
      try store.read { try planning.whole($0).update.changes }.isEmpty,
      "re-planning the store changes nothing")

    let code = try #require(stored.projectIDs.first.flatMap { stored.households(inProject: $0).first })
    var newcomer = try #require(stored.households[code])
    newcomer.id += "-2"
    var batch = FactBatch()
    batch.households = [newcomer]
    seen = nil
    _ = try store.write(batch, dryRun: true) { _, _, reader in
      seen = (try reader.loadFacts(), (reader as? StoreReader)?.written != nil)
      return nil
    }
    #expect(seen?.fromWrite == false, "a store that held households is read back")
  }

  @Test func aTicketTwoVisitsNameIsReadBackAsTheStoreKeepsIt() throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    var batch = Seed.batch
    batch.visits = ["V1", "V2"].map { id in
      VisitRecord(
        visit: Visit(
          id: id, household: "H1", at: Seed.instant("2026-03-10 18:05"), channel: .phone, kind: .basic,
          steward: "S1", captured: Captured(tickets: ["访谈-9", "访谈-1"])))
    }
    var fromWrite: Bool?
    _ = try store.write(batch, dryRun: false) { _, _, reader in
      fromWrite = (reader as? StoreReader)?.written != nil
      return nil
    }
    #expect(fromWrite == false, "the second visit's tickets were ignored, so the facts are read back")
    #expect(try store.loadFacts().visits(of: "H1").map(\.captured.tickets) == [["访谈-1", "访谈-9"], []])
  }

  @Test func aBadRowInALaterFileImportsNothingAndNamesItsFile() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let visits = demo + "/" + FactFileKind.visits.fileName
    var text = try String(contentsOfFile: visits, encoding: .utf8)
    let width = text.prefix { $0 != "\n" }.split(separator: ",", omittingEmptySubsequences: false).count
    let fields = ["V-bad", "NO-SUCH-HOUSEHOLD", "2026-10-01 18:00", "电话", "基础", "P001-S01", "产权人", "已访"]
    text += (fields + Array(repeating: "", count: width - fields.count)).joined(separator: ",") + "\n"
    try text.write(toFile: visits, atomically: true, encoding: .utf8)
    let line = text.split(separator: "\n").count

    let outcome = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
      .read()
    #expect(outcome.batch.isEmpty)
    #expect(outcome.issues.count == 1, "\(outcome.issues)")
    #expect(outcome.issues.first?.file == "visits.csv")
    #expect(outcome.issues.first?.message.contains("NO-SUCH-HOUSEHOLD") == true)
    #expect(outcome.issues.first?.line == line)
  }

  @Test func aStreamedImportWritesWhatItReadsInOneTransaction() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    var importer = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
    importer.chunkRows = 40
    let streamed = try SQLiteStore(path: folder.path + "/streamed.sqlite")
    let result = try importer.importInto(streamed, encoding: nil, dryRun: false, replan: nil)
    #expect(result.outcome.issues.isEmpty)
    #expect(result.summary?.affectedHouseholds.count == 150)
    let whole = try SQLiteStore(path: folder.path + "/whole.sqlite")
    try whole.write(FolderImporter(folder: demo, context: importer.context).read().batch)
    #expect(try streamed.rowCounts() == whole.rowCounts())
    #expect(try streamed.loadFacts().households == whole.loadFacts().households)
  }

  @Test func aFirstPlanStoredAsItIsMadeIsThePlanMadeBeforeStoring() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let store = try SQLiteStore(path: folder.database)
    let importer = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
    _ = try importer.importInto(store, encoding: nil, dryRun: false, replan: nil)
    let planning = StoredPlanning(rules: PlanStampTests.rules, clock: Self.now)
    let reference = try store.read { try planning.whole($0) }
    #expect(!reference.update.tasksStored, "a read snapshot stores nothing")
    #expect(Set(reference.plan.allTasks.map(\.project)).count == 2)

    let update = try #require(try store.replan { try planning.whole($0).update })
    #expect(update.tasksStored)
    #expect(update.changes.isEmpty)
    #expect(update.kindCounts == [.created: reference.update.changes.count])
    #expect(reference.update.changes.allSatisfy { $0.kind == .created })
    let byID = { (tasks: [VisitTask]) in tasks.sorted { $0.id < $1.id } }
    #expect(try store.tasks(household: nil) == byID(reference.plan.allTasks))
    let indexes = try store.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task'")
    }
    #expect(Set(indexes) == ["sqlite_autoindex_task_1", "task_assignee", "task_project", "task_unsettled"])
    #expect(planning.isCurrent(try store.planStamp()))
    #expect(try store.read { try planning.whole($0).update.changes }.isEmpty)
  }

  @Test func aDryRunFirstImportLeavesNoTaskBehind() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let store = try SQLiteStore(path: folder.database)
    let planning = StoredPlanning(rules: PlanStampTests.rules, clock: Self.now)
    let importer = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
    let result = try importer.importInto(store, encoding: nil, dryRun: true) { summary, before, reader in
      try planning.afterWrite(summary, before: before, reader)
    }
    #expect(result.update?.tasksStored == true && result.update?.kindCounts[.created, default: 0] ?? 0 > 0)
    #expect(try store.rowCounts().filter { $0.value > 0 }.keys.sorted() == ["plan_state"])
    let indexes = try store.pool.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task'")
    }
    #expect(indexes.count == 4)
  }

  @Test func aStreamedImportWithALateBadRowLeavesTheStoreAsItWas() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let visits = demo + "/" + FactFileKind.visits.fileName
    let text = try String(contentsOfFile: visits, encoding: .utf8)
    try (text + "V-bad,,2026-10-01 18:00\n").write(toFile: visits, atomically: true, encoding: .utf8)
    var importer = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
    importer.chunkRows = 40
    let store = try Seed.store(in: folder)
    let before = try store.rowCounts()
    let stamp = try store.planStamp()
    let result = try importer.importInto(store, encoding: nil, dryRun: false, replan: nil)
    #expect(result.summary == nil)
    #expect(result.outcome.issues.first?.file == "visits.csv")
    #expect(try store.rowCounts() == before)
    #expect(try store.planStamp() == stamp)
  }

  @Test func aBadHouseholdRowDoesNotMakeTheOtherHouseholdsVisitsUnknown() throws {
    let folder = TempFolder()
    let demo = try demoFolder(folder)
    let households = demo + "/" + FactFileKind.households.fileName
    var lines = try String(contentsOfFile: households, encoding: .utf8).split(separator: "\n").map(
      String.init)
    var fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let code = fields[0]
    fields[1] = "P404"
    lines[1] = fields.joined(separator: ",")
    try (lines.joined(separator: "\n") + "\n").write(toFile: households, atomically: true, encoding: .utf8)

    let outcome = FolderImporter(folder: demo, context: ImportContext(catalog: Catalog(), now: Self.now))
      .read()
    #expect(outcome.batch.isEmpty)
    #expect(Set(outcome.issues.map(\.file)).isSubset(of: ["households.csv", "visits.csv"]))
    #expect(outcome.issues.contains { $0.file == "households.csv" && $0.line == 2 })
    let visitIssues = outcome.issues.filter { $0.file == "visits.csv" }
    #expect(visitIssues.allSatisfy { $0.message.contains(code) }, "\(visitIssues)")
  }

  @Test func aFolderWithoutFactFilesHasNoKinds() {
    let folder = TempFolder()
    #expect(FolderImporter.kinds(in: folder.path).isEmpty)
    _ = folder.write("households.csv", Array("户号\n".utf8))
    #expect(FolderImporter.kinds(in: folder.path) == [.households])
  }
}
