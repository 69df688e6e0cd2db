import CalendarSpec
import Foundation
import GRDB
import Planner
import Policy
import Store

/// The SQLite `FactReading`: queries on one connection, inside its read or write transaction.
struct StoreReader: FactReading {
  let db: Database
  /// What a first import wrote: `loadFacts` takes its households and visits instead of reading them back.
  var written: WrittenFacts? = nil
  /// Whether a whole plan may store its tasks as it makes them (a write that stores the plan's update after).
  var storesFirstPlan = false

  /// A bulk load of a whole plan's tasks as they are made, when `storesFirstPlan` and the task table is empty.
  func firstPlanLoad() throws -> (any FirstPlanLoad)? {
    guard storesFirstPlan, try TaskRows.isEmpty(db) else { return nil }
    return try TaskRows.BulkLoad(db)
  }

  func householdsVisited(from start: Date, until end: Date) throws -> [String] {
    try String.fetchAll(
      db, sql: "SELECT DISTINCT household FROM visit WHERE at >= ? AND at < ?",
      arguments: [start.timeIntervalSince1970, end.timeIntervalSince1970])
  }

  func visitTexts(_ visits: [String]) throws -> [String: VisitTexts] {
    let info = try db.cachedStatement(sql: "SELECT field, value FROM visit_info WHERE visit = ?")
    let feedback = try db.cachedStatement(
      sql: "SELECT text FROM visit_feedback WHERE visit = ? ORDER BY position")
    var found: [String: VisitTexts] = [:]
    for visit in visits {
      var texts = VisitTexts()
      let fields = try Row.fetchCursor(info, arguments: [visit])
      while let row = try fields.next() {
        if let field = InfoField(rawValue: row[0]) { texts.details[field] = row[1] }
      }
      texts.feedback = try String.fetchAll(feedback, arguments: [visit])
      if !texts.details.isEmpty || !texts.feedback.isEmpty { found[visit] = texts }
    }
    return found
  }

  func loadFacts() throws -> Facts {
    // In the order written: `Facts` indexes them, input order does not matter.
    try FactLoader(db: db, written: written.map { ($0.households, $0.visits) }).load()
  }

  func facts(households: [String]) throws -> Facts {
    try FactLoader(db: db, only: households).load()
  }

  func tasks(household: String?) throws -> [VisitTask] {
    guard let household else { return try TaskRows.load("", db: db) }
    // Ids are `household/rule/anchor/ordinal` and codes never contain `/`: ["H/", "H0") holds exactly H's.
    return try TaskRows.load("WHERE id >= ? AND id < ?", [household + "/", household + "0"], db: db)
  }

  func tasks(project: String) throws -> [VisitTask] {
    try TaskRows.load("WHERE project = ?", [project], db: db)
  }

  func tasks(assignee: String, month: YearMonth?) throws -> [VisitTask] {
    guard let month else { return try TaskRows.load("WHERE assignee = ?", [assignee], db: db) }
    return try TaskRows.load("WHERE assignee = ? AND planned_month = ?", [assignee, month.index], db: db)
  }

  func projects(ofHouseholds households: [String]) throws -> [String: String] {
    var projects: [String: String] = [:]
    let rows = try Row.fetchCursor(
      db, sql: "SELECT id, project FROM household WHERE id IN (SELECT value FROM json_each(?))",
      arguments: [JSONList.text(households)])
    while let row = try rows.next() { projects[row[0]] = row[1] }
    return projects
  }

  func corrections(household: String) throws -> [Correction] {
    try Row.fetchAll(
      db,
      sql: """
        SELECT fact, subject, entry_at, reason, voided_by, voided_at FROM correction WHERE household = ?
        ORDER BY voided_at, fact, subject
        """, arguments: [household]
    ).compactMap { row in
      let subject: String = row[1]
      let at = Date(timeIntervalSince1970: row[2])
      let voided: Correction.Subject
      switch row[0] as String {
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
      return Correction(voided, reason: row[3], by: row[4], at: Date(timeIntervalSince1970: row[5]))
    }
  }

  func area(_ id: String) throws -> Area? {
    guard
      let row = try Row.fetchOne(db, sql: "SELECT project, buildings FROM area WHERE id = ?", arguments: [id])
    else { return nil }
    let stewards = try Row.fetchAll(
      db, sql: "SELECT since, steward FROM area_steward WHERE area = ? ORDER BY since", arguments: [id]
    ).map { StewardAssignment(steward: $0[1], since: Date(timeIntervalSince1970: $0[0])) }
    let buildings: String = row[1]
    return Area(
      id: id, project: row[0], buildings: buildings.split(separator: ",").map(String.init), stewards: stewards
    )
  }

  func buildings(project: String) throws -> [String: String] {
    var buildings: [String: String] = [:]
    // Through the project's areas (a household's area is of its project, checked at import): the area index
    // finds them, where `project = ?` alone would scan every household (0.2 s a write at 1,000,000).
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT id, building FROM household WHERE area IN (SELECT id FROM area WHERE project = ?1) AND project = ?1
        """, arguments: [project])
    while let row = try rows.next() { buildings[row[0]] = row[1] }
    return buildings
  }

  func steward(_ id: String) throws -> Steward? {
    try Row.fetchOne(
      db, sql: "SELECT id, name, wecom, dingtalk, feishu, email FROM steward WHERE id = ?", arguments: [id]
    ).map {
      Steward(
        id: $0[0], name: $0[1], wecomUserID: $0[2], dingtalkUserID: $0[3], feishuUserID: $0[4], email: $0[5])
    }
  }

  func householdCount() throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM household") ?? 0
  }

  func planStamp() throws -> PlanStamp {
    guard
      let row = try Row.fetchOne(
        db,
        sql: """
          SELECT facts_version, planned_version, rules_digest, year, provisional_years FROM plan_state
          WHERE id = 1
          """)
    else { return PlanStamp(factsVersion: 1, plannedVersion: 0, rulesDigest: "", year: 0) }
    let provisional: String = row[4]
    return PlanStamp(
      factsVersion: row[0], plannedVersion: row[1], rulesDigest: row[2], year: row[3],
      provisionalYears: provisional.split(separator: ",").compactMap { Int($0) })
  }

  func forEachUnsettledWindow(_ body: (String, LocalDate, LocalDate?, Int) throws -> Void) throws {
    // Grouped on the partial index task_unsettled: a few rows per project rather than one per task.
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT project, opens, coalesce(grace_end, due), count(*) FROM task
        WHERE \(Schema.unsettled) GROUP BY project, opens, due, grace_end
        """)
    while let row = try rows.next() {
      let last: Int? = row[2]
      try body(row[0], LocalDate(dayNumber: row[1]), last.map(LocalDate.init(dayNumber:)), row[3])
    }
  }
}
