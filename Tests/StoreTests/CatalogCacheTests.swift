import Foundation
import Planner
import Store
import StoreSQLite
import Testing

/// The catalog a store keeps between calls is read again as soon as any process changes a steward or an area.
@Suite struct CatalogCacheTests {
  @Test func aStewardOrAreaWrittenByAnotherConnectionIsInTheNextCatalog() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    #expect(try store.catalog(withHouseholds: false).stewards == ["S1", "S2"])
    // Another process (another store on the same file) adds a steward, then moves an area to them.
    let other = try SQLiteStore(path: folder.database)
    var batch = FactBatch()
    batch.stewards = [Steward(id: "S3", name: "赵敏")]
    try other.write(batch)
    #expect(try store.catalog(withHouseholds: false).stewards == ["S1", "S2", "S3"])
    var area = FactBatch()
    area.areas = [
      Area(
        id: "A9", project: "P1", buildings: ["9栋"],
        stewards: [.init(steward: "S3", since: Seed.instant("2026-10-01"))])
    ]
    try other.write(area)
    #expect(try store.catalog(withHouseholds: false).areas["A9"]?.buildings == ["9栋"])
  }
}
