import CalendarSpec
import Foundation
import Planner
import Policy
import PostgresNIO
import Store

/// The PostgreSQL `FactReading`: queries inside the read snapshot or the write transaction in hand.
struct PostgresReader: FactReading {
  let session: PostgresSession
  /// The households and visits of the first import this transaction wrote, if it did (see `FirstImport`).
  var firstImport: FirstImport?
  /// Whether a whole plan may store its tasks as it makes them (a write that stores the plan's update after).
  var storesFirstPlan: Bool

  init(session: PostgresSession, firstImport: FirstImport? = nil, storesFirstPlan: Bool = false) {
    self.session = session
    self.firstImport = firstImport
    self.storesFirstPlan = storesFirstPlan
  }

  /// A bulk load of a whole plan's tasks as they are made, when `storesFirstPlan` and the task table is empty.
  func firstPlanLoad() throws -> (any FirstPlanLoad)? {
    guard storesFirstPlan else { return nil }
    return try PostgresTaskRows.FirstPlan(session)
  }

  func loadFacts() throws -> Facts {
    try PostgresFactLoader(session: session, only: nil, firstImport: firstImport).load()
  }

  func facts(households: [String]) throws -> Facts {
    try PostgresFactLoader(session: session, only: households).load()
  }

  func tasks(household: String?) throws -> [VisitTask] {
    guard let household else { return try PostgresTaskRows.load("", session: session) }
    // Ids are `household/rule/anchor/ordinal` and codes never contain `/`: ["H/", "H0") holds exactly H's.
    return try PostgresTaskRows.load(
      "WHERE id >= $1 AND id < $2", [household + "/", household + "0"], session: session)
  }

  func tasks(project: String) throws -> [VisitTask] {
    try PostgresTaskRows.load("WHERE project = $1", [project], session: session)
  }

  func tasks(assignee: String, month: YearMonth?) throws -> [VisitTask] {
    guard let month else {
      return try PostgresTaskRows.load("WHERE assignee = $1", [assignee], session: session)
    }
    var binds = PostgresBindings()
    binds.append(assignee)
    binds.append(month.index)
    return try PostgresTaskRows.load("WHERE assignee = $1 AND planned_month = $2", binds, session: session)
  }

  func projects(ofHouseholds households: [String]) throws -> [String: String] {
    var projects: [String: String] = [:]
    for row in try session.rows("SELECT id, project FROM household WHERE id = ANY(\(households))") {
      let (id, project) = try row.decode((String, String).self)
      projects[id] = project
    }
    return projects
  }

  func corrections(household: String) throws -> [Correction] {
    try session.rows(
      """
      SELECT fact, subject, entry_at, reason, voided_by, voided_at FROM correction WHERE household = \(household)
      ORDER BY voided_at, fact, subject
      """
    ).compactMap { row in
      let (fact, subject, entryAt, reason, by, voidedAt) = try row.decode(
        (String, String, Double, String, String, Double).self)
      let at = instant(entryAt)
      let voided: Correction.Subject
      switch fact {
      case "visit": voided = .visit(subject)
      case "waiver": voided = .waiver(task: subject)
      case "state":
        guard let state = HouseholdState(rawValue: subject) else { return nil }
        voided = .entry(HouseholdEntry(household: household, change: .state(state), at: at))
      case "grade":
        guard let grade = Grade(rawValue: subject) else { return nil }
        voided = .entry(HouseholdEntry(household: household, change: .grade(grade), at: at))
      default:
        guard let name = EventName(rawValue: subject) else { return nil }
        voided = .entry(HouseholdEntry(household: household, change: .event(name), at: at))
      }
      return Correction(voided, reason: reason, by: by, at: instant(voidedAt))
    }
  }

  func area(_ id: String) throws -> Area? {
    guard let row = try session.rows("SELECT project, buildings FROM area WHERE id = \(id)").first else {
      return nil
    }
    let (project, buildings) = try row.decode((String, String).self)
    let stewards = try session.rows(
      "SELECT since, steward FROM area_steward WHERE area = \(id) ORDER BY since"
    )
    .map {
      let (since, steward) = try $0.decode((Double, String).self)
      return StewardAssignment(steward: steward, since: instant(since))
    }
    return Area(
      id: id, project: project, buildings: buildings.split(separator: ",").map(String.init),
      stewards: stewards)
  }

  func buildings(project: String) throws -> [String: String] {
    var buildings: [String: String] = [:]
    for row in try session.rows("SELECT id, building FROM household WHERE project = \(project)") {
      let (id, building) = try row.decode((String, String).self)
      buildings[id] = building
    }
    return buildings
  }

  func steward(_ id: String) throws -> Steward? {
    var binds = PostgresBindings()
    binds.append(id)
    return try session.rows(
      PostgresQuery(unsafeSQL: PostgresFactLoader.stewardColumns + " WHERE id = $1", binds: binds)
    ).first.map(PostgresFactLoader.steward)
  }

  func householdCount() throws -> Int {
    try session.rows("SELECT count(*) FROM household").first?.decode(Int.self) ?? 0
  }

  func planStamp() throws -> PlanStamp { try stamp(locking: false) }

  /// The plan stamp, with its row locked until the transaction ends: writers of facts and plans take turns.
  func lockedPlanStamp() throws -> PlanStamp { try stamp(locking: true) }

  private func stamp(locking: Bool) throws -> PlanStamp {
    let sql = """
      SELECT facts_version, planned_version, rules_digest, year, provisional_years FROM plan_state WHERE id = 1
      \(locking ? "FOR UPDATE" : "")
      """
    guard let row = try session.rows(PostgresQuery(unsafeSQL: sql)).first else {
      return PlanStamp(factsVersion: 1, plannedVersion: 0, rulesDigest: "", year: 0)
    }
    let (facts, planned, digest, year, provisional) = try row.decode((Int, Int, String, Int, String).self)
    return PlanStamp(
      factsVersion: facts, plannedVersion: planned, rulesDigest: digest, year: year,
      provisionalYears: provisional.split(separator: ",").compactMap { Int($0) })
  }

  func forEachUnsettledWindow(_ body: (String, LocalDate, LocalDate?, Int) throws -> Void) throws {
    let rows = try session.rows(
      """
      SELECT project, opens, coalesce(grace_end, due), count(*) FROM task
      WHERE \(unescaped: PostgresSchema.unsettled) GROUP BY project, opens, due, grace_end
      """)
    for row in rows {
      let (project, opens, last, count) = try row.decode((String, Int, Int?, Int).self)
      try body(project, LocalDate(dayNumber: opens), last.map(LocalDate.init(dayNumber:)), count)
    }
  }

  func householdsVisited(from start: Date, until end: Date) throws -> [String] {
    try session.rows(
      """
      SELECT DISTINCT household FROM visit
      WHERE at >= \(start.timeIntervalSince1970) AND at < \(end.timeIntervalSince1970)
      """
    ).map { try $0.decode(String.self) }
  }

  func visitTexts(_ visits: [String]) throws -> [String: VisitTexts] {
    var found: [String: VisitTexts] = [:]
    for row in try session.rows("SELECT visit, field, value FROM visit_info WHERE visit = ANY(\(visits))") {
      let (visit, name, value) = try row.decode((String, String, String).self)
      if let field = InfoField(rawValue: name) { found[visit, default: VisitTexts()].details[field] = value }
    }
    for row in try session.rows(
      "SELECT visit, text FROM visit_feedback WHERE visit = ANY(\(visits)) ORDER BY visit, position")
    {
      let (visit, text) = try row.decode((String, String).self)
      found[visit, default: VisitTexts()].feedback.append(text)
    }
    return found
  }
}
