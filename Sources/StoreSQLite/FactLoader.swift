import CalendarSpec
import Foundation
import GRDB
import Planner
import Policy
import Store

/// Reads every fact, or those of some households, with raw row cursors, merge-joining child tables on their
/// parent's key.
///
/// With `only`, only those households with their histories, visits, tickets and waivers are read, with their
/// areas, the stewards of those areas, of their (unvoided) visits and the project leads, and every project and
/// campaign: what re-planning or listing them needs.
struct FactLoader {
  let db: Database
  let only: [String]?
  /// Households and visits already in hand (a first import's): taken from here, not read from the store.
  let written: (households: [Household], visits: [Visit])?
  /// `only` as the JSON list every restricted query binds (encoded once, not per query).
  private let onlyList: String?

  /// A loader of every fact, or of `only` those households'; `written` stands for the households and visits.
  init(db: Database, only: [String]? = nil, written: (households: [Household], visits: [Visit])? = nil) {
    self.db = db
    self.only = only
    self.written = written
    onlyList = only.map(JSONList.text)
  }

  /// A `WHERE` clause restricting `column` to the households (its argument is `arguments`); empty for all.
  private func only(_ column: String) -> String {
    only == nil ? "" : " WHERE \(column) IN (SELECT value FROM json_each(?))"
  }

  private var arguments: StatementArguments {
    guard let onlyList else { return [] }
    return [onlyList]
  }

  /// `arguments` for raw rows.
  private var values: [BoundValue] {
    guard let onlyList else { return [] }
    return [.text(onlyList)]
  }

  func load() throws -> Facts {
    let households = try withoutVoidedEntries(try written?.households ?? householdRows())
    let visits = try written?.visits ?? visits()
    // Some households' areas and stewards are picked from the rows read (a handful of ids), not found again by
    // a subquery over every household asked for.
    let areas = try areas(only == nil ? nil : Set(households.map(\.area)))
    let stewards = try stewards(
      only == nil ? nil : Set(areas.flatMap { $0.stewards.map(\.steward) } + visits.map(\.steward)))
    return Facts(
      projects: try projects(), stewards: stewards, areas: areas, households: households, visits: visits,
      tickets: try tickets(), campaigns: try campaigns(), waivers: try waivers())
  }

  /// A `WHERE` clause: `only(column)` and `condition` both.
  private func only(_ column: String, and condition: String) -> String {
    only == nil ? " WHERE \(condition)" : only(column) + " AND \(condition)"
  }

  /// Facts of `fact` voided: their subject is not `column`.
  private static func notVoided(_ fact: String, _ column: String) -> String {
    "\(column) NOT IN (SELECT subject FROM correction WHERE fact = '\(fact)')"
  }

  /// The households without the history entries voided (none, usually: one query finds that out).
  private func withoutVoidedEntries(_ households: [Household]) throws -> [Household] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT household, fact, subject, entry_at FROM correction\(only("household", and: "fact IN ('state', 'grade', 'event')"))
        """, arguments: arguments)
    guard !rows.isEmpty else { return households }
    var voided: [String: [(fact: String, value: String, at: Date)]] = [:]
    for row in rows { voided[row[0], default: []].append((row[1], row[2], instant(row[3]))) }
    return households.map { household in
      guard let entries = voided[household.id] else { return household }
      var kept = household
      for entry in entries {
        switch entry.fact {
        case "state": kept.states.removeAll { $0.value.rawValue == entry.value && $0.since == entry.at }
        case "grade": kept.grades.removeAll { $0.value.rawValue == entry.value && $0.since == entry.at }
        default: kept.events.removeAll { $0.name.rawValue == entry.value && $0.at == entry.at }
        }
      }
      return kept
    }
  }

  private func cursor(_ sql: String) throws -> MergeCursor {
    try MergeCursor(db, sql: sql, values: values)
  }

  private func projects() throws -> [Project] {
    try Row.fetchAll(db, sql: "SELECT id, name, zone, lead FROM project").map {
      Project(id: $0[0], name: $0[1], timeZoneIdentifier: $0[2], lead: $0[3])
    }
  }

  /// Every steward, or those of `ids` and the project leads.
  private func stewards(_ ids: Set<String>?) throws -> [Steward] {
    let condition =
      ids == nil ? "" : " WHERE id IN (SELECT value FROM json_each(?)) OR id IN (SELECT lead FROM project)"
    let arguments: StatementArguments = ids.map { [JSONList.text($0.sorted())] } ?? []
    let sql = "SELECT id, name, wecom, dingtalk, feishu, email FROM steward" + condition
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
      Steward(
        id: $0[0], name: $0[1], wecomUserID: $0[2], dingtalkUserID: $0[3], feishuUserID: $0[4], email: $0[5])
    }
  }

  /// Every area, or those of `ids`, with their stewards.
  private func areas(_ ids: Set<String>?) throws -> [Area] {
    let condition = { (column: String) in
      ids == nil ? "" : " WHERE \(column) IN (SELECT value FROM json_each(?))"
    }
    let list = ids.map { JSONList.text($0.sorted()) }
    var assignments = try MergeCursor(
      db, sql: "SELECT area, since, steward FROM area_steward\(condition("area")) ORDER BY area, since",
      values: list.map { [.text($0)] } ?? [])
    var result: [Area] = []
    let rows = try Row.fetchCursor(
      db, sql: "SELECT id, project, buildings FROM area\(condition("id")) ORDER BY id",
      arguments: list.map { [$0] } ?? [])
    while let row = try rows.next() {
      let id: String = row[0]
      var stewards: [StewardAssignment] = []
      try assignments.take(id) {
        stewards.append(StewardAssignment(steward: $0.text(2), since: instant($0.real(1))))
      }
      let buildings: String = row[2]
      result.append(
        Area(
          id: id, project: row[1], buildings: buildings.split(separator: ",").map(String.init),
          stewards: stewards))
    }
    return result
  }

  private static let householdColumns = """
    SELECT id, project, building, unit, room, area, owner_surname, owner_name, owner_phone, tags, states, grades,
      events FROM household
    """

  private func householdRows() throws -> [Household] {
    let rows = try RawRows(db, "\(Self.householdColumns)\(only("id")) ORDER BY id", values)
    var result: [Household] = []
    while try rows.next() { result.append(household(rows)) }
    return result
  }

  /// One household, read with an indexed lookup.
  func household(_ id: String) throws -> Household? {
    let rows = try RawRows(db, "\(Self.householdColumns) WHERE id = ?", [.text(id)])
    return try rows.next() ? household(rows) : nil
  }

  private func household(_ row: RawRows) -> Household {
    let tags = row.text(9)
    let states = Self.history(row, 10) { Dated(Self.states.value($0) ?? .vacant, since: $1) }
    let grades = Self.history(row, 11) { Dated(Self.grades.value($0) ?? .a, since: $1) }
    let events = Self.history(row, 12) { HouseholdEvent(Self.events.value($0) ?? .delivered, at: $1) }
    return Household(
      id: row.text(0), project: row.text(1), building: row.text(2), unit: row.text(3), room: row.text(4),
      area: row.text(5), owner: Owner(surname: row.text(6), name: row.text(7), phone: row.text(8)),
      tags: tags.isEmpty ? [] : Set(tags.split(separator: ",").map(String.init)), states: states,
      grades: grades, events: events)
  }

  /// The entries of the history column `column` of the current row (see `HistoryColumn`), each made by `make`
  /// from its value's bytes and its instant.
  private static func history<Entry>(
    _ row: RawRows, _ column: Int32, _ make: (UnsafeBufferPointer<UInt8>, Date) -> Entry
  ) -> [Entry] {
    var entries: [Entry] = []
    row.withBytes(column) { text in
      HistoryColumn.forEach(in: text) { value, seconds in entries.append(make(value, instant(seconds))) }
    }
    return entries
  }

  private static let states = RawValueLookup<HouseholdState>()
  private static let grades = RawValueLookup<Grade>()
  private static let events = RawValueLookup<EventName>()

  private func visits() throws -> [Visit] {
    let ofVisits = only == nil ? "" : " WHERE visit IN (SELECT id FROM visit\(only("household")))"
    var info = try cursor("SELECT visit, field FROM visit_info\(ofVisits) ORDER BY visit")
    var feedback = try cursor(
      "SELECT visit, category, is_need FROM visit_feedback\(ofVisits) ORDER BY visit, position")
    var ratings = try cursor("SELECT visit, dimension, score FROM visit_rating\(ofVisits) ORDER BY visit")
    var tickets = try cursor("SELECT visit, number FROM ticket\(ofVisits) ORDER BY visit, number")
    let rows = try RawRows(
      db,
      """
      SELECT id, household, at, channel, kind, steward, interviewee, outcome
      FROM visit\(only("household", and: Self.notVoided("visit", "id"))) ORDER BY id
      """, values)
    var result: [Visit] = []
    while try rows.next() {
      let id = rows.text(0)
      var captured = Captured()
      try info.take(id) {
        if let field = InfoField(rawValue: $0.text(1)) { captured.infoChanged.insert(field) }
      }
      try feedback.take(id) {
        captured.feedback.append(FeedbackItem(category: $0.text(1), isNeed: $0.integer(2) != 0))
      }
      try ratings.take(id) { captured.ratings[$0.text(1)] = $0.integer(2) }
      try tickets.take(id) { captured.tickets.append($0.text(1)) }
      result.append(visit(rows, id: id, captured: captured))
    }
    return result
  }

  private func visit(_ row: RawRows, id: String, captured: Captured) -> Visit {
    Visit(
      id: id, household: row.text(1), at: instant(row.real(2)),
      channel: Channel(rawValue: row.text(3)) ?? .phone,
      kind: InterviewKind(rawValue: row.text(4)) ?? .basic, steward: row.text(5),
      interviewee: Interviewee(rawValue: row.text(6)) ?? .other,
      outcome: VisitOutcome(rawValue: row.text(7)) ?? .reached,
      captured: captured)
  }

  private func tickets() throws -> [Ticket] {
    let sql =
      "SELECT number, household, visit, closed_at FROM ticket\(only("household", and: Self.notVoided("visit", "visit")))"
    return try Row.fetchAll(db, sql: sql, arguments: arguments).map {
      let closed: Double? = $0[3]
      return Ticket(number: $0[0], household: $0[1], visit: $0[2], closedAt: closed.map(instant))
    }
  }

  private func campaigns() throws -> [Campaign] {
    try Row.fetchAll(db, sql: "SELECT id, rule, project, buildings, first_day, last_day FROM campaign").map {
      let buildings: String? = $0[3]
      return Campaign(
        id: $0[0], rule: $0[1], project: $0[2],
        buildings: buildings.map { Set($0.split(separator: ",").map(String.init)) },
        from: LocalDate(dayNumber: $0[4]), to: LocalDate(dayNumber: $0[5]))
    }
  }

  private func waivers() throws -> [Waiver] {
    try Row.fetchAll(
      db,
      sql: "SELECT task, reason, at FROM waiver\(only("household", and: Self.notVoided("waiver", "task")))",
      arguments: arguments
    ).map {
      Waiver(task: $0[0], reason: $0[1], at: instant($0[2]))
    }
  }
}

/// The instant of a stored REAL number of seconds since 1970.
func instant(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
