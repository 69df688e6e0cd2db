import CalendarSpec
import Foundation
import Planner
import Policy
import PostgresNIO
import Store

/// Reads every fact, or those of some households, grouping child rows by their parent's key.
///
/// With `only`, only those households with their histories, visits, tickets and waivers are read, with their
/// areas, the stewards of those areas, of their visits and the project leads, and every project and campaign:
/// what re-planning or listing them needs (as the SQLite store's `FactLoader`).
struct PostgresFactLoader {
  let session: PostgresSession
  let only: [String]?
  /// Every household and visit of the store, when a first import in this transaction wrote them: taken from
  /// there rather than read (the rest is read).
  var firstImport: FirstImport?

  init(session: PostgresSession, only: [String]?, firstImport: FirstImport? = nil) {
    self.session = session
    self.only = only
    self.firstImport = only == nil ? firstImport : nil
  }

  func load() throws -> Facts {
    Facts(
      projects: try projects(), stewards: try stewards(), areas: try areas(),
      households: try firstImport?.storedHouseholds ?? households(),
      visits: try firstImport?.storedVisits ?? visits(), tickets: try tickets(), campaigns: try campaigns(),
      waivers: try waivers())
  }

  /// `sql` with the households' array bound as `$1` when restricted.
  private func query(_ sql: String) -> PostgresQuery {
    var binds = PostgresBindings()
    if let only { binds.append(only) }
    return PostgresQuery(unsafeSQL: sql, binds: binds)
  }

  /// `WHERE column = ANY($1)`, or empty for every household.
  private func onlyWhere(_ column: String) -> String { only == nil ? "" : " WHERE \(column) = ANY($1)" }

  /// `WHERE` both the restriction and `condition`.
  private func onlyWhere(_ column: String, and condition: String) -> String {
    only == nil ? " WHERE \(condition)" : " WHERE \(column) = ANY($1) AND \(condition)"
  }

  /// Facts of `fact` voided: their subject is not `column`.
  private static func notVoided(_ fact: String, _ column: String) -> String {
    "\(column) NOT IN (SELECT subject FROM correction WHERE fact = '\(fact)')"
  }

  private func projects() throws -> [Project] {
    try session.rows("SELECT id, name, zone, lead FROM project").map {
      let (id, name, zone, lead) = try $0.decode((String, String, String, String).self)
      return Project(id: id, name: name, timeZoneIdentifier: zone, lead: lead)
    }
  }

  private static let areasOfHouseholds = "(SELECT area FROM household WHERE id = ANY($1))"

  private func stewards() throws -> [Steward] {
    let condition =
      only == nil
      ? ""
      : """
       WHERE id IN (SELECT steward FROM area_steward WHERE area IN \(Self.areasOfHouseholds))
        OR id IN (SELECT lead FROM project) OR id IN (SELECT steward FROM visit WHERE household = ANY($1))
      """
    return try session.rows(query(PostgresFactLoader.stewardColumns + condition)).map(Self.steward)
  }

  /// The query of every steward column, in `steward(_:)`'s order.
  static let stewardColumns = "SELECT id, name, wecom, dingtalk, feishu, email FROM steward"

  /// The steward of a row of `stewardColumns`.
  static func steward(_ row: PostgresRow) throws -> Steward {
    let (id, name, wecom, dingtalk, feishu, email) = try row.decode(
      (String, String, String?, String?, String?, String?).self)
    return Steward(
      id: id, name: name, wecomUserID: wecom, dingtalkUserID: dingtalk, feishuUserID: feishu, email: email)
  }

  private func areas() throws -> [Area] {
    let onlyAreas = { (column: String) in only == nil ? "" : " WHERE \(column) IN \(Self.areasOfHouseholds)" }
    var assignments: [String: [StewardAssignment]] = [:]
    for row in try session.rows(
      query("SELECT area, since, steward FROM area_steward\(onlyAreas("area")) ORDER BY area, since"))
    {
      let (area, since, steward) = try row.decode((String, Double, String).self)
      assignments[area, default: []].append(StewardAssignment(steward: steward, since: instant(since)))
    }
    return try session.rows(query("SELECT id, project, buildings FROM area\(onlyAreas("id")) ORDER BY id"))
      .map {
        let (id, project, buildings) = try $0.decode((String, String, String).self)
        return Area(
          id: id, project: project, buildings: buildings.split(separator: ",").map(String.init),
          stewards: assignments[id] ?? [])
      }
  }

  /// Histories are read in no order: `Household` sorts each by its key, which is unique (the table's).
  private func households() throws -> [Household] {
    var states: [String: [Dated<HouseholdState>]] = [:]
    var grades: [String: [Dated<Grade>]] = [:]
    var events: [String: [HouseholdEvent]] = [:]
    let voided = try voidedEntries()
    for row in try session.rows(
      query("SELECT household, since, state FROM household_state\(onlyWhere("household"))"))
    {
      var cells = CellReader(row)
      let (id, since, value) = (try cells.text(), try cells.double(), try cells.text())
      guard let state = HouseholdState(rawValue: value), !voided.contains(.init(id, "state", value, since))
      else { continue }
      states[id, default: []].append(Dated(state, since: instant(since)))
    }
    for row in try session.rows(
      query("SELECT household, since, grade FROM household_grade\(onlyWhere("household"))"))
    {
      var cells = CellReader(row)
      let (id, since, value) = (try cells.text(), try cells.double(), try cells.text())
      guard let grade = Grade(rawValue: value), !voided.contains(.init(id, "grade", value, since))
      else { continue }
      grades[id, default: []].append(Dated(grade, since: instant(since)))
    }
    for row in try session.rows(
      query("SELECT household, at, name FROM household_event\(onlyWhere("household"))"))
    {
      var cells = CellReader(row)
      let (id, at, value) = (try cells.text(), try cells.double(), try cells.text())
      guard let name = EventName(rawValue: value), !voided.contains(.init(id, "event", value, at))
      else { continue }
      events[id, default: []].append(HouseholdEvent(name, at: instant(at)))
    }
    let sql = """
      SELECT id, project, building, unit, room, area, owner_surname, owner_name, owner_phone, tags FROM household
      \(onlyWhere("id")) ORDER BY id
      """
    return try session.rows(query(sql)).map { row in
      var cells = CellReader(row)
      let (id, project, building, unit, room) = (
        try cells.text(), try cells.text(), try cells.text(), try cells.text(), try cells.text()
      )
      let (area, surname, name, phone, tags) = (
        try cells.text(), try cells.text(), try cells.text(), try cells.text(), try cells.text()
      )
      return Household(
        id: id, project: project, building: building, unit: unit, room: room, area: area,
        owner: Owner(surname: surname, name: name, phone: phone),
        tags: tags.isEmpty ? [] : Set(tags.split(separator: ",").map(String.init)), states: states[id] ?? [],
        grades: grades[id] ?? [], events: events[id] ?? [])
    }
  }

  /// A voided history entry: household, fact, value and instant.
  private struct VoidedEntry: Hashable {
    let household: String
    let fact: String
    let value: String
    let at: Double
    init(_ household: String, _ fact: String, _ value: String, _ at: Double) {
      self.household = household
      self.fact = fact
      self.value = value
      self.at = at
    }
  }

  private func voidedEntries() throws -> Set<VoidedEntry> {
    let sql =
      "SELECT household, fact, subject, entry_at FROM correction"
      + onlyWhere("household", and: "fact IN ('state', 'grade', 'event')")
    return Set(
      try session.rows(query(sql)).map {
        let (household, fact, subject, at) = try $0.decode((String, String, String, Double).self)
        return VoidedEntry(household, fact, subject, at)
      })
  }

  private func visits() throws -> [Visit] {
    let ofVisits = only == nil ? "" : " WHERE visit IN (SELECT id FROM visit WHERE household = ANY($1))"
    var captured: [String: Captured] = [:]
    for row in try session.rows(query("SELECT visit, field FROM visit_info\(ofVisits) ORDER BY visit, field"))
    {
      let (visit, value) = try row.decode((String, String).self)
      if let field = InfoField(rawValue: value) {
        captured[visit, default: Captured()].infoChanged.insert(field)
      }
    }
    for row in try session.rows(
      query("SELECT visit, category, is_need FROM visit_feedback\(ofVisits) ORDER BY visit, position"))
    {
      let (visit, category, isNeed) = try row.decode((String, String, Bool).self)
      captured[visit, default: Captured()].feedback.append(FeedbackItem(category: category, isNeed: isNeed))
    }
    for row in try session.rows(query("SELECT visit, dimension, score FROM visit_rating\(ofVisits)")) {
      let (visit, dimension, score) = try row.decode((String, String, Int).self)
      captured[visit, default: Captured()].ratings[dimension] = score
    }
    for row in try session.rows(query("SELECT visit, number FROM ticket\(ofVisits) ORDER BY visit, number")) {
      let (visit, number) = try row.decode((String, String).self)
      captured[visit, default: Captured()].tickets.append(number)
    }
    let sql = """
      SELECT id, household, at, channel, kind, steward, interviewee, outcome FROM visit
      \(onlyWhere("household", and: Self.notVoided("visit", "id"))) ORDER BY id
      """
    return try session.rows(query(sql)).map { row in
      let (id, household, at, channel, kind, steward, interviewee, outcome) = try row.decode(
        (String, String, Double, String, String, String, String, String).self)
      return Visit(
        id: id, household: household, at: instant(at), channel: Channel(rawValue: channel) ?? .phone,
        kind: InterviewKind(rawValue: kind) ?? .basic, steward: steward,
        interviewee: Interviewee(rawValue: interviewee) ?? .other,
        outcome: VisitOutcome(rawValue: outcome) ?? .reached, captured: captured[id] ?? Captured())
    }
  }

  private func tickets() throws -> [Ticket] {
    let sql =
      "SELECT number, household, visit, closed_at FROM ticket"
      + onlyWhere("household", and: Self.notVoided("visit", "visit"))
    return try session.rows(query(sql)).map {
      let (number, household, visit, closed) = try $0.decode((String, String, String, Double?).self)
      return Ticket(number: number, household: household, visit: visit, closedAt: closed.map(instant))
    }
  }

  private func campaigns() throws -> [Campaign] {
    try session.rows("SELECT id, rule, project, buildings, first_day, last_day FROM campaign").map {
      let (id, rule, project, buildings, first, last) = try $0.decode(
        (String, String, String, String?, Int, Int).self)
      return Campaign(
        id: id, rule: rule, project: project,
        buildings: buildings.map { Set($0.split(separator: ",").map(String.init)) },
        from: LocalDate(dayNumber: first), to: LocalDate(dayNumber: last))
    }
  }

  private func waivers() throws -> [Waiver] {
    let sql =
      "SELECT task, reason, at FROM waiver" + onlyWhere("household", and: Self.notVoided("waiver", "task"))
    return try session.rows(query(sql)).map {
      let (task, reason, at) = try $0.decode((String, String, Double).self)
      return Waiver(task: task, reason: reason, at: instant(at))
    }
  }
}

/// The instant of a stored number of seconds since 1970.
func instant(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }
