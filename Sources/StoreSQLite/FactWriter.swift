import Foundation
import GRDB
import Planner
import Store

/// Writes a batch inside an open transaction, counting what changed and which households it concerns.
struct FactWriter {
  let db: Database
  private var summary = WriteSummary()
  /// The households touched, in the order first touched (one touched again right after is not repeated).
  private var households: [String] = []
  /// Whether `households` is strictly ascending (so sorted and without repeats).
  private var householdsAscending = true
  /// Areas whose change concerns their households; those added by this write are left out (their households
  /// are all written by it, so touched already).
  private var areas = Set<String>()
  private var newAreas = Set<String>()
  private var projects = Set<String>()
  /// Prepared statements by the address of their SQL literal (no hashing of the SQL text per row).
  private var statements: [UnsafeRawPointer: BulkStatement] = [:]

  /// What a first import wrote, for its re-plan; nil once the write is not one (see `WrittenFacts`).
  private(set) var written: WrittenFacts?

  init(db: Database) throws {
    self.db = db
    written = try WrittenFacts.start(db)
  }

  /// Keeps a visit just inserted with its captured rows for the re-plan.
  mutating func keep(_ visit: Visit) { written?.add(visit) }

  /// The write is not a first import of new rows only: its re-plan reads the facts back.
  mutating func forgetWritten() { written = nil }

  mutating func write(_ batch: FactBatch) throws {
    for project in batch.projects { try upsert(project) }
    for steward in batch.stewards { try upsert(steward) }
    for area in batch.areas { try upsert(area) }
    for assignment in batch.assignments { try add(assignment) }
    for household in batch.households { try upsert(household) }
    for entry in batch.householdEntries { try add(entry) }
    for visit in batch.visits { try VisitRows.insert(visit, writer: &self) }
    for closure in batch.ticketClosures { try close(closure) }
    for waiver in batch.waivers { try add(waiver) }
    for campaign in batch.campaigns { try upsert(campaign) }
    for correction in batch.corrections { try add(correction) }
  }

  /// The summary, with the households of changed areas and projects added.
  mutating func finish() throws -> WriteSummary {
    for area in areas.subtracting(newAreas) {
      for household in try String.fetchAll(
        db, sql: "SELECT id FROM household WHERE area = ?", arguments: [area])
      {
        touch(household: household)
      }
    }
    for project in projects {
      for household in try String.fetchAll(
        db,
        sql:
          "SELECT id FROM household WHERE area IN (SELECT id FROM area WHERE project = ?1) AND project = ?1",
        arguments: [project])
      {
        touch(household: household)
      }
    }
    // Touches come in a few ascending runs (one per file), which a stable sort merges in linear time.
    summary.affectedHouseholds = householdsAscending ? households : Self.uniqueSorted(households)
    if !summary.isEmpty {
      try db.execute(sql: "UPDATE plan_state SET facts_version = facts_version + 1 WHERE id = 1")
    }
    return summary
  }

  /// How an upsert changed a row.
  enum RowChange { case added, updated }

  /// Inserts, or updates when the stored row differs; counts the change and says which it was, nil for none.
  @discardableResult
  mutating func upsert(table: String, insert: StaticString, update: StaticString, values: [BoundValue]) throws
    -> RowChange?
  {
    if try statement(insert).run(values) > 0 {
      summary.count(table, added: true)
      return .added
    }
    guard try statement(update).run(values) > 0 else { return nil }
    summary.count(table, added: false)
    return .updated
  }

  /// Inserts unless present; counts the row and says whether it was new.
  @discardableResult
  mutating func insert(table: String, sql: StaticString, values: [BoundValue]) throws -> Bool {
    guard try statement(sql).run(values) > 0 else { return false }
    summary.count(table, added: true)
    return true
  }

  /// Throws `message` unless the query `sql` with `key` gives a row.
  mutating func require(_ sql: StaticString, _ key: String, _ message: @autoclosure () -> String) throws {
    guard try statement(sql).hasRow([.text(key)]) else { throw StoreError(message()) }
  }

  private mutating func statement(_ sql: StaticString) throws -> BulkStatement {
    let key = UnsafeRawPointer(sql.utf8Start)
    if let found = statements[key] { return found }
    let made = try BulkStatement(db, sql.description)
    statements[key] = made
    return made
  }

  private static func uniqueSorted(_ values: [String]) -> [String] {
    var result: [String] = []
    for value in values.sorted() where value != result.last { result.append(value) }
    return result
  }

  mutating func touch(household: String) {
    if let last = households.last {
      guard household != last else { return }
      if household < last { householdsAscending = false }
    }
    households.append(household)
  }

  private mutating func upsert(_ project: Project) throws {
    try upsert(
      table: "project",
      insert: "INSERT OR IGNORE INTO project (id, name, zone, lead) VALUES (?1, ?2, ?3, ?4)",
      update:
        "UPDATE project SET name = ?2, zone = ?3, lead = ?4 WHERE id = ?1 AND (name, zone, lead) <> (?2, ?3, ?4)",
      values: [
        .text(project.id), .text(project.name), .text(project.timeZoneIdentifier), .text(project.lead),
      ])
  }

  private mutating func upsert(_ steward: Steward) throws {
    try upsert(
      table: "steward",
      insert: """
        INSERT OR IGNORE INTO steward (id, name, wecom, dingtalk, feishu, email) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """,
      update: """
        UPDATE steward SET name = ?2, wecom = ?3, dingtalk = ?4, feishu = ?5, email = ?6
        WHERE id = ?1 AND (name, wecom, dingtalk, feishu, email) IS NOT (?2, ?3, ?4, ?5, ?6)
        """,
      values: [
        .text(steward.id), .text(steward.name), .text(steward.wecomUserID), .text(steward.dingtalkUserID),
        .text(steward.feishuUserID), .text(steward.email),
      ])
  }

  private mutating func upsert(_ area: Area) throws {
    let change = try upsert(
      table: "area",
      insert: "INSERT OR IGNORE INTO area (id, project, buildings) VALUES (?1, ?2, ?3)",
      update:
        "UPDATE area SET project = ?2, buildings = ?3 WHERE id = ?1 AND (project, buildings) <> (?2, ?3)",
      values: [.text(area.id), .text(area.project), .text(area.buildings.joined(separator: ","))])
    switch change {
    case .added: newAreas.insert(area.id)
    case .updated: areas.insert(area.id)
    case nil: break
    }
    for assignment in area.stewards {
      try add(AreaAssignment(area: area.id, steward: assignment.steward, since: assignment.since))
    }
  }

  private mutating func add(_ assignment: AreaAssignment) throws {
    try require("SELECT 1 FROM area WHERE id = ?", assignment.area, "unknown area \(assignment.area)")
    try require(
      "SELECT 1 FROM steward WHERE id = ?", assignment.assignment.steward,
      "unknown steward \(assignment.assignment.steward)")
    let added = try insert(
      table: "area_steward",
      sql: "INSERT OR IGNORE INTO area_steward (area, since, steward) VALUES (?, ?, ?)",
      values: [
        .text(assignment.area), .real(assignment.assignment.since.timeIntervalSince1970),
        .text(assignment.assignment.steward),
      ])
    if added { areas.insert(assignment.area) }
  }

  private mutating func upsert(_ household: Household) throws {
    let history = StoredHistory(household)
    let texts = history.texts
    let tags = Self.tagsText(household.tags)
    let insert: StaticString = """
      INSERT OR IGNORE INTO household (id, project, building, unit, room, area, owner_surname, owner_name,
        owner_phone, tags, states, grades, events) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
      """
    let inserted = try statement(insert).run { row in
      Self.bind(household, tags: tags, into: &row)
      row.text(texts.states)
      row.text(texts.grades)
      row.text(texts.events)
    }
    if inserted > 0 {
      if written?.add(household, history: history) == false { written = nil }
      summary.count("household", added: true)
      history.countEntries(in: &summary)
      touch(household: household.id)
      return
    }
    written = nil
    let update: StaticString = """
      UPDATE household SET project = ?2, building = ?3, unit = ?4, room = ?5, area = ?6, owner_surname = ?7,
        owner_name = ?8, owner_phone = ?9, tags = ?10
      WHERE id = ?1 AND (project, building, unit, room, area, owner_surname, owner_name, owner_phone, tags)
        <> (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
      """
    if try statement(update).run(binding: { Self.bind(household, tags: tags, into: &$0) }) > 0 {
      summary.count("household", added: false)
      touch(household: household.id)
    }
    try addHistory(of: household.id) { $0.merge(history) }
  }

  /// Binds a household's columns `id` to `tags` in table order.
  private static func bind(_ household: Household, tags: String, into row: inout ParameterBinder) {
    row.text(household.id)
    row.text(household.project)
    row.text(household.building)
    row.text(household.unit)
    row.text(household.room)
    row.text(household.area)
    row.text(household.owner.surname)
    row.text(household.owner.name)
    row.text(household.owner.phone)
    row.text(tags)
  }

  /// The tags column: sorted, joined by commas.
  private static func tagsText(_ tags: Set<String>) -> String {
    switch tags.count {
    case 0: return ""
    case 1: return tags.first ?? ""
    default: return tags.sorted().joined(separator: ",")
    }
  }

  private mutating func add(_ entry: HouseholdEntry) throws {
    written = nil
    try addHistory(of: entry.household) { stored in
      stored.add(entry.change, at: entry.at).map { [($0, 1)] } ?? []
    }
  }

  /// Reads a household's stored histories, lets `change` add to them (returning how many entries each history
  /// gained, by name), and stores them again when it added any.
  private mutating func addHistory(
    of household: String, _ change: (inout StoredHistory) -> [(name: String, added: Int)]
  ) throws {
    guard
      let texts = try statement("SELECT states, grades, events FROM household WHERE id = ?")
        .texts([.text(household)], columns: 3)
    else { throw StoreError("unknown household \(household)") }
    var stored = StoredHistory(states: texts[0], grades: texts[1], events: texts[2])
    let added = change(&stored).filter { $0.added > 0 }
    guard !added.isEmpty else { return }
    let updated = stored.texts
    try statement("UPDATE household SET states = ?2, grades = ?3, events = ?4 WHERE id = ?1").run([
      .text(household), .text(updated.states), .text(updated.grades), .text(updated.events),
    ])
    for (name, count) in added { summary.count(name, added: true, times: count) }
    touch(household: household)
  }

  /// Records a void beside the fact it voids, which must exist; the fact itself stays as it was.
  private mutating func add(_ correction: Correction) throws {
    written = nil
    let (fact, subject, household, entryAt) = try located(correction.subject)
    let added = try insert(
      table: "correction",
      sql: """
        INSERT OR IGNORE INTO correction (fact, subject, household, entry_at, reason, voided_by, voided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """,
      values: [
        .text(fact), .text(subject), .text(household), .real(entryAt), .text(correction.reason),
        .text(correction.by), .real(correction.at.timeIntervalSince1970),
      ])
    if added { touch(household: household) }
  }

  /// The correction row's key for `subject`: fact, subject, household and the entry's instant.
  private func located(_ subject: Correction.Subject) throws -> (String, String, String, Double) {
    switch subject {
    case .visit(let id):
      guard
        let household = try String.fetchOne(
          db, sql: "SELECT household FROM visit WHERE id = ?", arguments: [id])
      else { throw StoreError("unknown visit \(id)") }
      return ("visit", id, household, 0)
    case .waiver(let task):
      guard
        let household = try String.fetchOne(
          db, sql: "SELECT household FROM waiver WHERE task = ?", arguments: [task])
      else { throw StoreError("task \(task) was never waived") }
      return ("waiver", task, household, 0)
    case .entry(let entry):
      guard let stored = try FactLoader(db: db).household(entry.household) else {
        throw StoreError("unknown household \(entry.household)")
      }
      let (fact, value, present): (String, String, Bool)
      switch entry.change {
      case .state(let state):
        (fact, value, present) = (
          "state", state.rawValue, stored.states.contains(Dated(state, since: entry.at))
        )
      case .grade(let grade):
        (fact, value, present) = (
          "grade", grade.rawValue, stored.grades.contains(Dated(grade, since: entry.at))
        )
      case .event(let name):
        (fact, value, present) = (
          "event", name.rawValue, stored.events.contains(HouseholdEvent(name, at: entry.at))
        )
      }
      guard present else { throw StoreError("\(entry.household) has no \(fact) \(value) at that instant") }
      return (fact, value, entry.household, entry.at.timeIntervalSince1970)
    }
  }

  private mutating func close(_ closure: TicketClosure) throws {
    written = nil
    guard
      let household = try String.fetchOne(
        db, sql: "SELECT household FROM ticket WHERE number = ?", arguments: [closure.number])
    else { throw StoreError("unknown ticket \(closure.number)") }
    try db.execute(
      sql: "UPDATE ticket SET closed_at = ? WHERE number = ? AND closed_at IS NOT ?",
      arguments: [closure.at.timeIntervalSince1970, closure.number, closure.at.timeIntervalSince1970])
    guard db.changesCount > 0 else { return }
    summary.count("ticket", added: false)
    touch(household: household)
  }

  private mutating func add(_ waiver: Waiver) throws {
    written = nil
    try require(
      "SELECT 1 FROM household WHERE id = ?", waiver.household, "unknown household \(waiver.household)")
    let added = try insert(
      table: "waiver", sql: "INSERT OR IGNORE INTO waiver (task, household, reason, at) VALUES (?, ?, ?, ?)",
      values: [
        .text(waiver.task), .text(waiver.household), .text(waiver.reason),
        .real(waiver.at.timeIntervalSince1970),
      ])
    if added { touch(household: waiver.household) }
  }

  private mutating func upsert(_ campaign: Campaign) throws {
    written = nil
    try require("SELECT 1 FROM project WHERE id = ?", campaign.project, "unknown project \(campaign.project)")
    let change = try upsert(
      table: "campaign",
      insert: """
        INSERT OR IGNORE INTO campaign (id, rule, project, buildings, first_day, last_day)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """,
      update: """
        UPDATE campaign SET rule = ?2, project = ?3, buildings = ?4, first_day = ?5, last_day = ?6
        WHERE id = ?1 AND (rule, project, buildings, first_day, last_day) IS NOT (?2, ?3, ?4, ?5, ?6)
        """,
      values: [
        .text(campaign.id), .text(campaign.rule), .text(campaign.project),
        .text(campaign.buildings?.sorted().joined(separator: ",")), .integer(campaign.from.dayNumber),
        .integer(campaign.to.dayNumber),
      ])
    if change != nil { projects.insert(campaign.project) }
  }
}
