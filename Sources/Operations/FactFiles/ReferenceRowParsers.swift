import Foundation
import Planner
import Store

/// Reads `projects.csv` rows.
struct ProjectRowParser {
  var projects: [Project] = []
  var seen = SeenRows()

  mutating func read(_ row: inout CSVRow, context: ImportContext) {
    guard let id = row.required("project"), seen.isNew(id, &row, column: "project", what: "project \(id)")
    else { return }
    let name = row.required("name")
    let zone = row.text("zone").isEmpty ? "Asia/Shanghai" : row.text("zone")
    if TimeZone(identifier: zone) == nil {
      row.fail("zone", "'\(zone)' is not a time zone; expected an IANA name like Asia/Shanghai")
    }
    guard let name, row.issues.isEmpty else { return }
    projects.append(Project(id: id, name: name, timeZoneIdentifier: zone, lead: row.text("lead")))
  }
}

/// Reads `stewards.csv` rows.
struct StewardRowParser {
  var stewards: [Steward] = []
  var seen = SeenRows()

  mutating func read(_ row: inout CSVRow, context: ImportContext) {
    guard let id = row.required("steward"), seen.isNew(id, &row, column: "steward", what: "steward \(id)")
    else { return }
    let name = row.required("name")
    let ids = ["wecom", "dingtalk", "feishu"].map { Self.userID(&row, $0) }
    let email = Self.email(&row)
    guard let name, row.issues.isEmpty else { return }
    stewards.append(
      Steward(
        id: id, name: name, wecomUserID: ids[0], dingtalkUserID: ids[1], feishuUserID: ids[2], email: email))
  }

  /// A chat user id: no spaces, at most 64 characters; nil when the cell is empty.
  private static func userID(_ row: inout CSVRow, _ column: String) -> String? {
    let value = row.text(column)
    if value.isEmpty { return nil }
    if value.count > 64 || value.contains(where: \.isWhitespace) {
      row.fail(column, "'\(value.prefix(80))' is not a user id (no spaces, at most 64 characters)")
    }
    return value
  }

  /// A mail address (`name@domain`, no spaces or angle brackets); nil when the cell is empty.
  private static func email(_ row: inout CSVRow) -> String? {
    let value = row.text("email")
    if value.isEmpty { return nil }
    let parts = value.split(separator: "@", omittingEmptySubsequences: false)
    let forbidden: (Character) -> Bool = { $0.isWhitespace || "<>,;\"".contains($0) }
    if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || value.contains(where: forbidden) {
      row.fail("email", "'\(value.prefix(80))' is not a mail address like name@example.com")
    }
    return value
  }
}

/// Reads `areas.csv` rows: one steward assignment per row, rows of one area forming its history; an area and the
/// instant its steward took over are the key of a row.
struct AreaRowParser {
  private var areas: [String: (line: Int, area: Area)] = [:]
  private var order: [String] = []
  private var clock = ZoneClock()
  var seen = SeenRows()

  var result: [Area] { order.compactMap { areas[$0]?.area } }

  mutating func read(_ row: inout CSVRow, context: ImportContext) {
    let id = row.required("area")
    let project = row.required("project").flatMap { knownProject($0, &row, context) }
    let buildings = ValueWords.list(row.text("buildings"))
    if buildings.isEmpty { row.fail("buildings", "is empty; list the area's buildings, e.g. 1栋;2栋") }
    let steward = row.required("steward")
    if let steward, !context.catalog.stewards.contains(steward) {
      row.fail("steward", "'\(steward)' is not a known steward; import stewards.csv first")
    }
    let zone = context.zone(ofProject: project ?? "")
    let since = row.instant("since", zone: zone, clock: &clock, now: context.now)
    if row.text("since").isEmpty { row.fail("since", "is empty; a value is required") }
    guard let id, let project, let steward, let since, row.issues.isEmpty else { return }
    let key = "\(id)@\(Int(since.timeIntervalSince1970))"
    let sinceText = row.text("since")
    guard seen.isNew(key, &row, column: "since", what: "area \(id) from \(sinceText)") else { return }
    if let stored = context.catalog.areas[id], stored.project != project {
      row.fail("project", "area \(id) belongs to project \(stored.project), not \(project)")
      return
    }
    add(id, project, buildings, StewardAssignment(steward: steward, since: since), &row)
  }

  private func knownProject(_ project: String, _ row: inout CSVRow, _ context: ImportContext) -> String? {
    guard context.catalog.projectZones[project] != nil else {
      row.fail("project", "'\(project)' is not a known project; import projects.csv first")
      return nil
    }
    return project
  }

  private mutating func add(
    _ id: String, _ project: String, _ buildings: [String], _ assignment: StewardAssignment,
    _ row: inout CSVRow
  ) {
    guard let (line, area) = areas[id] else {
      areas[id] = (row.line, Area(id: id, project: project, buildings: buildings, stewards: [assignment]))
      order.append(id)
      return
    }
    if area.project != project {
      row.fail("project", "area \(id) is in project \(area.project) on line \(line)")
    } else if area.buildings != buildings {
      row.fail("buildings", "area \(id) has other buildings on line \(line)")
    } else {
      areas[id]?.area = Area(
        id: id, project: project, buildings: buildings, stewards: area.stewards + [assignment])
    }
  }
}
