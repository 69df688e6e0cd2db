import GRDB
import Store

/// Reads the ids a CSV file's rows may refer to.
enum CatalogLoader {
  static func load(_ db: Database, withHouseholds: Bool) throws -> Catalog {
    var catalog = Catalog()
    for row in try Row.fetchAll(db, sql: "SELECT id, zone FROM project") {
      catalog.projectZones[row[0]] = row[1]
    }
    for row in try Row.fetchAll(db, sql: "SELECT id, project, buildings FROM area") {
      let buildings: String = row[2]
      catalog.areas[row[0]] = (row[1], buildings.split(separator: ",").map(String.init))
    }
    catalog.stewards = Set(try String.fetchAll(db, sql: "SELECT id FROM steward"))
    guard withHouseholds else { return catalog }
    let rows = try Row.fetchCursor(db, sql: "SELECT id, project FROM household")
    while let row = try rows.next() { catalog.households[row[0]] = row[1] }
    for row in try Row.fetchAll(db, sql: "SELECT number, household FROM ticket") {
      catalog.tickets[row[0]] = row[1]
    }
    return catalog
  }
}
