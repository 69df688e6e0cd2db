import Foundation
import Planner
import Policy
import Store

/// Reads `households.csv` rows into households with their first state, grade and dated events.
struct HouseholdRowParser {
  var households: [Household] = []
  var seen = SeenRows()
  private var clock = ZoneClock()

  private static let eventColumns: [(String, EventName)] = [
    ("delivered", .delivered), ("renovation-permit", .renovationPermit),
    ("renovation-accepted", .renovationAccepted), ("deposit-refunded", .depositRefunded),
    ("moved-in", .movedIn),
  ]

  mutating func read(_ row: inout CSVRow, context: ImportContext) {
    guard let id = row.required("household"), seen.isNew(id, &row, column: "household", what: "'\(id)'")
    else { return }
    if id.utf8.contains(UInt8(ascii: "/")) {
      row.fail("household", "'\(id)' contains '/', which task ids reserve")
    }
    let place = HouseholdPlace(&row, context: context)
    let zone = context.zone(ofProject: place?.project ?? "")
    var events: [HouseholdEvent] = []
    for (key, name) in HouseholdRowParser.eventColumns {
      if let at = row.instant(key, zone: zone, clock: &clock, now: context.now) {
        events.append(.init(name, at: at))
      }
    }
    checkOrder(events, &row)
    let state = row.parse("state", what: "a state", expected: ValueWords.statesExpected) {
      ValueWords.states[$0]
    }
    if row.text("state").isEmpty { row.fail("state", "is empty; a value is required") }
    let stateSince = row.instant("state-since", zone: zone, clock: &clock, now: context.now)
    let grade = row.parse("grade", what: "a grade", expected: "A, B, C or D", ValueWords.grade)
    let gradeSince = row.instant("grade-since", zone: zone, clock: &clock, now: context.now)
    let owner = HouseholdRowParser.owner(&row)
    guard let place, let state, row.issues.isEmpty else { return }
    guard let since = stateSince ?? HouseholdRowParser.since(of: state, events) else {
      row.fail(
        "state-since",
        "is empty; state \(ValueWords.chinese(state)) needs a date: fill 状态日期 or the matching event date")
      return
    }
    let grades = grade.map {
      [Dated($0, since: gradeSince ?? events.first { $0.name == .delivered }?.at ?? since)]
    }
    households.append(
      Household(
        id: id, project: place.project, building: place.building, unit: row.text("unit"),
        room: row.text("room"),
        area: place.area, owner: owner, tags: Set(ValueWords.list(row.text("tags"))),
        states: [Dated(state, since: since)], grades: grades ?? [], events: events))
  }

  private static func since(of state: HouseholdState, _ events: [HouseholdEvent]) -> Date? {
    let name: EventName
    switch state {
    case .vacant: name = .delivered
    case .renovating: name = .renovationPermit
    case .occupied: name = .movedIn
    }
    return events.last { $0.name == name }?.at
  }

  private static func owner(_ row: inout CSVRow) -> Owner {
    let name = row.text("owner-name")
    let phone = row.text("phone")
    let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    let digits = phone.utf8.count(where: isDigit)
    let allowed = phone.utf8.allSatisfy { isDigit($0) || "+-() ".utf8.contains($0) }
    if !phone.isEmpty && (digits < 7 || digits > 15 || !allowed) {
      row.fail(
        "phone",
        "'\(Masking.phone(phone))' is not a phone number; expected digits, e.g. 13812345678 or 0571-88886666")
    }
    return Owner(surname: name.first.map(String.init) ?? "", name: String(name.dropFirst()), phone: phone)
  }

  private func checkOrder(_ events: [HouseholdEvent], _ row: inout CSVRow) {
    func at(_ name: EventName) -> Date? { events.first { $0.name == name }?.at }
    let pairs: [(EventName, EventName, String)] = [
      (.delivered, .renovationPermit, "the delivery (交付日期)"),
      (.delivered, .movedIn, "the delivery (交付日期)"),
      (.renovationPermit, .renovationAccepted, "the renovation permit (装修办理)"),
      (.renovationPermit, .depositRefunded, "the renovation permit (装修办理)"),
    ]
    for (earlier, later, label) in pairs {
      if let first = at(earlier), let second = at(later), second < first {
        row.fail(later.rawValue, "'\(row.text(later.rawValue))' is before \(label)")
      }
    }
  }
}

/// Where a household is: project, building and area, checked against the catalog.
private struct HouseholdPlace {
  let project: String
  let building: String
  let area: String

  init?(_ row: inout CSVRow, context: ImportContext) {
    let project = row.required("project")
    let building = row.required("building")
    let area = row.required("area")
    if let project, context.catalog.projectZones[project] == nil {
      row.fail("project", "'\(project)' is not a known project; import projects.csv first")
    }
    guard let project, let building, let area else { return nil }
    guard let stored = context.catalog.areas[area] else {
      row.fail("area", "'\(area)' is not a known area; import areas.csv first")
      return nil
    }
    if stored.project != project {
      row.fail("area", "area \(area) belongs to project \(stored.project), not \(project)")
    } else if !stored.buildings.contains(building) {
      row.fail(
        "building",
        "'\(building)' is not a building of area \(area) (\(stored.buildings.joined(separator: "、")))")
    }
    self.project = project
    self.building = building
    self.area = area
  }
}
