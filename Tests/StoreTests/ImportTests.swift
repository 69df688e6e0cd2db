import CalendarSpec
import Foundation
import Planner
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

@Suite struct ImportTests {
  private func read(_ kind: FactFileKind, _ bytes: [UInt8], store: SQLiteStore) throws -> ImportOutcome {
    FactImporter(kind: kind, fileName: kind.fileName, context: try Seed.context(store)).read(bytes: bytes)
  }

  @Test(arguments: Corpus.cases)
  func badRowIsReportedAndNothingImported(_ bad: BadCase) throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let outcome = try read(bad.kind, Array(bad.text.utf8), store: store)
    #expect(outcome.issues.map(\.description).contains(bad.expected), "\(outcome.issues)")
    #expect(outcome.batch.isEmpty)
  }

  @Test func everyBadRowIsListed() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let good = Corpus.goodHousehold
    let text = Corpus.file(
      .households,
      [
        good.merging(["state": "空闲"]) { $1 }, good.merging(["household": "H3"]) { $1 },
        good.merging(["household": "H4", "grade": "Z"]) { $1 },
        good.merging(["household": "H5", "area": "A9"]) { $1 },
      ])
    let outcome = try read(.households, Array(text.utf8), store: store)
    #expect(outcome.issues.map(\.line) == [2, 4, 5])
    #expect(outcome.batch.isEmpty)
  }

  @Test func readsGB18030WithChineseHeaders() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let bytes = try TextDecoding.encode(Corpus.household([:]), as: .gb18030)
    #expect(String(validating: bytes, as: UTF8.self) == nil)
    let outcome = try read(.households, bytes, store: store)
    #expect(outcome.issues.isEmpty && outcome.encoding == .gb18030)
    try store.write(outcome.batch)
    let household = try store.household("H2")
    #expect(household?.owner == Owner(surname: "张", name: "伟", phone: "13812345678"))
    #expect(household?.building == "1栋" && household?.state(at: Seed.instant("2025-01-01")) == .occupied)
  }

  @Test func readsUTF8WithBOMAndEnglishHeaders() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let english = FactFileKind.households.columns.map(\.key).joined(separator: ",")
    let text =
      english + "\r\n"
      + Corpus.row(.households, Corpus.goodHousehold.merging(["moved-in": "2024/6/15"]) { $1 }) + "\r\n"
    let outcome = try read(.households, try TextDecoding.encode(text, as: .utf8, bom: true), store: store)
    #expect(outcome.issues.isEmpty && outcome.rows == 1)
    #expect(outcome.batch.households.first?.states.first?.since == Seed.instant("2024-06-15"))
  }

  @Test func readsTimesInTheProjectZone() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let outcome = try read(.visits, Array(Corpus.visit([:]).utf8), store: store)
    #expect(outcome.issues.isEmpty)
    let at = outcome.batch.visits.first?.visit.at
    #expect(at == Date(timeIntervalSince1970: 1_773_137_100))
    #expect(
      outcome.batch.visits.first?.visit.captured.feedback == [FeedbackItem(category: "parking", isNeed: true)]
    )
  }

  @Test func identicalDuplicateRowIsImportedOnce() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let text = Corpus.file(.households, [Corpus.goodHousehold, Corpus.goodHousehold])
    let outcome = try read(.households, Array(text.utf8), store: store)
    #expect(outcome.issues.isEmpty && outcome.duplicates == 1 && outcome.batch.households.count == 1)
  }

  @Test func reimportChangesNothing() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    let demo = DemoGenerator(
      projects: 2, households: 300, seed: 5, asOf: .init(year: 2026, month: 10, day: 31)!)
    let files = demo.generate()
    for kind in FactFileKind.allCases {
      let outcome = try read(kind, files[kind] ?? [], store: store)
      #expect(outcome.issues.isEmpty, "\(kind): \(outcome.issues.prefix(3))")
      #expect(!(try store.write(outcome.batch)).isEmpty)
    }
    let counts = try store.rowCounts()
    for kind in FactFileKind.allCases {
      let outcome = try read(kind, files[kind] ?? [], store: store)
      let summary = try store.write(outcome.batch)
      #expect(summary.isEmpty && summary.affectedHouseholds.isEmpty, "\(kind)")
    }
    #expect(try store.rowCounts() == counts)
    #expect(try store.loadFacts().households.count == 301)
  }

  @Test func demoIsByteIdenticalForASeed() {
    let day = LocalDate(year: 2026, month: 10, day: 31)!
    let first = DemoGenerator(projects: 3, households: 500, seed: 42, asOf: day).generate()
    let second = DemoGenerator(projects: 3, households: 500, seed: 42, asOf: day).generate()
    let other = DemoGenerator(projects: 3, households: 500, seed: 43, asOf: day).generate()
    #expect(first == second)
    #expect(first[.households] != other[.households])
  }

  @Test func csvWriterQuotesWhatNeedsIt() throws {
    var writer = CSVWriter()
    writer.write(["a,b", "say \"hi\"", "line\nbreak", "plain"])
    var reader = CSVReader(String(decoding: writer.bytes, as: UTF8.self))
    #expect(try reader.next()?.fields == ["a,b", "say \"hi\"", "line\nbreak", "plain"])
  }
}
