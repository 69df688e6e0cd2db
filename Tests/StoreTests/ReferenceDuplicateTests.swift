import Foundation
import Store
import StoreSQLite
import Testing

@testable import Operations

/// A key given twice in one projects, stewards or areas file: once when the rows are identical, an error naming
/// both lines when they differ (as for households and visits), never "last one wins".
@Suite struct ReferenceDuplicateTests {
  static func read(_ kind: FactFileKind, _ lines: [String]) -> ImportOutcome {
    var catalog = Catalog()
    catalog.add(Seed.batch)
    let context = ImportContext(catalog: catalog, now: Seed.instant("2026-11-01 12:00"))
    let text = ([Corpus.header(kind)] + lines).joined(separator: "\n") + "\n"
    return FactImporter(kind: kind, fileName: kind.fileName, context: context).read(text: text)
  }

  @Test(arguments: [
    (
      FactFileKind.projects, "P3,锦绣华庭,Asia/Shanghai,S1", "P3,锦绣东庭,Asia/Shanghai,S1",
      "项目编号 (project): project P3"
    ),
    (.stewards, "S3,赵敏,zhaomin,,,", "S3,赵敏,zhaomin2,,,", "管家编号 (steward): steward S3"),
    (
      .areas, "A3,P1,1栋;2栋,S1,2025-01-01", "A3,P1,1栋;2栋,S2,2025-01-01",
      "接管日期 (since): area A3 from 2025-01-01"
    ),
  ])
  func sameKeyWithOtherValuesIsAnErrorNamingBothLines(
    kind: FactFileKind, first: String, other: String, what: String
  ) {
    let outcome = Self.read(kind, [first, "", other])
    #expect(
      outcome.issues.map(\.description) == [
        "\(kind.fileName):4: column \(what) is also on line 2 with other values"
      ])
    #expect(outcome.batch.isEmpty)
  }

  @Test(arguments: [
    (FactFileKind.projects, "P3,锦绣华庭,Asia/Shanghai,S1"), (.stewards, "S3,赵敏,zhaomin,,,"),
    (.areas, "A3,P1,1栋;2栋,S1,2025-01-01"),
  ])
  func identicalRowIsImportedOnce(kind: FactFileKind, row: String) {
    let outcome = Self.read(kind, [row, row])
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    #expect(outcome.duplicates == 1)
    #expect(outcome.batch.projects.count + outcome.batch.stewards.count + outcome.batch.areas.count == 1)
    #expect(outcome.batch.areas.allSatisfy { $0.stewards.count == 1 })
  }

  @Test func areaRowsAtOtherInstantsStillFormItsHistory() {
    let outcome = Self.read(
      .areas, ["A3,P1,1栋,S1,2025-01-01", "A3,P1,1栋,S2,2025-06-01", "A3,P1,1栋,S1,2026-01-01"])
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    #expect(outcome.batch.areas.first?.stewards.map(\.steward) == ["S1", "S2", "S1"])
  }
}
