import PostgresNIO
import Store

/// Reads the ids a CSV file's rows may refer to.
enum PostgresCatalogLoader {
  static func load(_ session: PostgresSession, withHouseholds: Bool) throws -> Catalog {
    var catalog = Catalog()
    for row in try session.rows("SELECT id, zone FROM project") {
      let (id, zone) = try row.decode((String, String).self)
      catalog.projectZones[id] = zone
    }
    for row in try session.rows("SELECT id, project, buildings FROM area") {
      let (id, project, buildings) = try row.decode((String, String, String).self)
      catalog.areas[id] = (project, buildings.split(separator: ",").map(String.init))
    }
    catalog.stewards = Set(try session.rows("SELECT id FROM steward").map { try $0.decode(String.self) })
    guard withHouseholds else { return catalog }
    for row in try session.rows("SELECT id, project FROM household") {
      let (id, project) = try row.decode((String, String).self)
      catalog.households[id] = project
    }
    for row in try session.rows("SELECT number, household FROM ticket") {
      let (number, household) = try row.decode((String, String).self)
      catalog.tickets[number] = household
    }
    return catalog
  }
}
