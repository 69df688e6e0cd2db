import Foundation
import Planner
import PostgresNIO
import Store

/// Writes batches inside an open transaction, counting what changed and which households it concerns.
///
/// Households, history entries and visits go in sets: each kind of row as arrays in one `INSERT … SELECT FROM
/// unnest(…) ON CONFLICT DO NOTHING RETURNING`, which says which rows were new; a household met twice in one
/// batch is written in a second round, so that it merges as it would one by one. The rest (projects, areas,
/// closures, waivers, campaigns, corrections: few per write) go row by row. The semantics are the SQLite
/// store's `FactWriter`'s: upserts by natural key, histories only ever added to, the first entry of a key kept.
///
/// Into empty tables (a first import) the writer loads in bulk while every batch is provably new: households,
/// histories, visits and what they captured go with COPY into tables without keys or indexes, created again
/// when a batch is not all new or the write ends (see `PostgresBulkLoad`, `LoadedKeys`).
struct PostgresFactWriter {
  let session: PostgresSession
  private var summary = WriteSummary()
  private var households = Set<String>()
  /// Areas whose change concerns their households, and those this write added (whose households it wrote).
  private var areas = Set<String>()
  private var newAreas = Set<String>()
  private var projects = Set<String>()
  /// The bulk load under way, nil once a batch was not all new (or when the tables were not empty).
  private var bulk: PostgresBulkLoad?
  /// What the bulk load has written.
  private var loaded = LoadedKeys()
  /// The households and visits of a bulk load that lasted the whole write, to plan from (nil otherwise).
  private(set) var firstImport: FirstImport?

  /// Rows sent by one statement.
  static let chunk = 20_000

  init(session: PostgresSession, bulk: PostgresBulkLoad? = nil) {
    self.session = session
    self.bulk = bulk
    if bulk != nil { firstImport = FirstImport() }
  }

  mutating func write(_ batch: FactBatch) throws {
    if bulk != nil {
      if loaded.allNew(batch) { return try load(batch) }
      try endBulkLoad()
    }
    for project in batch.projects { try upsert(project) }
    for steward in batch.stewards { try upsert(steward) }
    for area in batch.areas { try upsert(area) }
    for assignment in batch.assignments { try add(assignment) }
    for round in Self.rounds(batch.households, key: \.id) {
      for chunk in Self.chunks(round) { try upsert(chunk) }
    }
    for chunk in Self.chunks(batch.householdEntries) { try add(chunk) }
    for round in Self.rounds(batch.visits, key: \.visit.id) {
      for chunk in Self.chunks(round) { try insert(chunk) }
    }
    for closure in batch.ticketClosures { try close(closure) }
    for waiver in batch.waivers { try add(waiver) }
    for campaign in batch.campaigns { try upsert(campaign) }
    for correction in batch.corrections { try add(correction) }
  }

  /// The summary, with the households of changed areas and projects added; bumps the facts version when
  /// anything changed.
  mutating func finish() throws -> WriteSummary {
    try bulk?.finish()
    bulk = nil
    let changedAreas = Array(areas.subtracting(newAreas))
    if !changedAreas.isEmpty {
      for row in try session.rows("SELECT id FROM household WHERE area = ANY(\(changedAreas))") {
        households.insert(try row.decode(String.self))
      }
    }
    if !projects.isEmpty {
      for row in try session.rows("SELECT id FROM household WHERE project = ANY(\(Array(projects)))") {
        households.insert(try row.decode(String.self))
      }
    }
    summary.affectedHouseholds = households.sorted()
    if !summary.isEmpty {
      try session.run("UPDATE plan_state SET facts_version = facts_version + 1 WHERE id = 1")
    }
    return summary
  }

  /// Writes a batch whose rows are all new, the big tables with COPY: each kind of row is made while the server
  /// takes the kind before it (`PostgresSession.copy` returns once sent).
  private mutating func load(_ batch: FactBatch) throws {
    for project in batch.projects { try upsert(project) }
    for steward in batch.stewards { try upsert(steward) }
    for area in batch.areas { try upsert(area) }
    for assignment in batch.assignments { try add(assignment) }
    var households = CopyRows()
    for household in batch.households {
      for value in Self.columns(of: household) { households.add(value) }
      households.endRow()
      self.households.insert(household.id)
    }
    try copy(
      households, into: "household",
      [
        "id", "project", "building", "unit", "room", "area", "owner_surname", "owner_name", "owner_phone",
        "tags",
      ])
    var entries = HistoryEntries()
    for household in batch.households { entries.add(household) }
    try copy(entries.states.copyRows, into: "household_state", ["household", "since", "state"])
    try copy(entries.grades.copyRows, into: "household_grade", ["household", "since", "grade"])
    try copy(entries.events.copyRows, into: "household_event", ["household", "at", "name"])
    var visits = CopyRows()
    for record in batch.visits {
      let visit = record.visit
      visits.add(visit.id)
      visits.add(visit.household)
      visits.add(visit.at.timeIntervalSince1970)
      for value in [
        visit.channel.rawValue, visit.kind.rawValue, visit.steward, visit.interviewee.rawValue,
        visit.outcome.rawValue,
      ] {
        visits.add(value)
      }
      visits.endRow()
      self.households.insert(visit.household)
    }
    try copy(
      visits, into: "visit",
      ["id", "household", "at", "channel", "kind", "steward", "interviewee", "outcome"])
    var captured = CapturedRows()
    for record in batch.visits { captured.add(record) }
    count("ticket", added: true, times: try insertTickets(captured))
    try copy(captured.infoRows, into: "visit_info", ["visit", "field", "value"])
    try copy(
      captured.feedbackRows, into: "visit_feedback", ["visit", "position", "category", "is_need", "text"])
    try copy(captured.ratingRows, into: "visit_rating", ["visit", "dimension", "score"])
    for campaign in batch.campaigns { try upsert(campaign) }
    loaded.add(batch)
    firstImport?.add(batch)
  }

  /// Sends `rows` into `table` and counts them as added (a COPY error comes with the next statement).
  private mutating func copy(_ rows: CopyRows, into table: String, _ columns: [String]) throws {
    try session.copy(rows, into: table, columns: columns)
    count(table, added: true, times: rows.count)
  }

  /// Ends the bulk load before the write ends: the tables get their keys, indexes and foreign keys back, and
  /// what follows goes row by row.
  private mutating func endBulkLoad() throws {
    guard let bulk else { return }
    try bulk.finish()
    self.bulk = nil
    loaded = LoadedKeys()
    firstImport = nil
  }

  /// The items split so that no key appears twice in one part: first occurrences, then second ones, and so on.
  static func rounds<Item>(_ items: [Item], key: (Item) -> String) -> [[Item]] {
    var seen: [String: Int] = [:]
    var rounds: [[Item]] = []
    for item in items {
      let round = seen[key(item), default: 0]
      seen[key(item)] = round + 1
      if round == rounds.count { rounds.append([]) }
      rounds[round].append(item)
    }
    return rounds
  }

  /// The items in parts of at most `chunk`.
  static func chunks<Item>(_ items: [Item]) -> [ArraySlice<Item>] {
    stride(from: 0, to: items.count, by: chunk).map { items[$0..<min($0 + chunk, items.count)] }
  }

  /// Inserts, or updates when the stored row differs; counts the change and says which it was.
  private mutating func upsert(table: String, insert: PostgresQuery, update: PostgresQuery) throws
    -> RowChange?
  {
    if try session.run(insert) > 0 {
      summary.count(table, added: true)
      return .added
    }
    guard try session.run(update) > 0 else { return nil }
    summary.count(table, added: false)
    return .updated
  }

  /// Counts `times` rows of `table` as added or updated, when there are any.
  private mutating func count(_ table: String, added: Bool, times: Int) {
    if times > 0 { summary.count(table, added: added, times: times) }
  }

  /// How an upsert changed a row.
  private enum RowChange { case added, updated }

  /// Throws `message` unless `table` has a row with `id`.
  private func require(_ table: String, _ id: String, _ message: @autoclosure () -> String) throws {
    let sql = "SELECT 1 FROM \(table) WHERE id = $1"
    var binds = PostgresBindings()
    binds.append(id)
    guard try !session.rows(PostgresQuery(unsafeSQL: sql, binds: binds)).isEmpty else {
      throw StoreError(message())
    }
  }

  /// The first of `ids` that `household` lacks, nil when it has them all.
  private func firstUnknownHousehold(_ ids: [String]) throws -> String? {
    let known = Set(
      try session.rows("SELECT id FROM household WHERE id = ANY(\(Array(Set(ids))))").map {
        try $0.decode(String.self)
      })
    return ids.first { !known.contains($0) }
  }

  private mutating func upsert(_ project: Project) throws {
    _ = try upsert(
      table: "project",
      insert: """
        INSERT INTO project (id, name, zone, lead)
        VALUES (\(project.id), \(project.name), \(project.timeZoneIdentifier), \(project.lead))
        ON CONFLICT (id) DO NOTHING
        """,
      update: """
        UPDATE project SET name = \(project.name), zone = \(project.timeZoneIdentifier), lead = \(project.lead)
        WHERE id = \(project.id) AND (name, zone, lead)
          IS DISTINCT FROM (\(project.name)::text, \(project.timeZoneIdentifier)::text, \(project.lead)::text)
        """)
  }

  private mutating func upsert(_ steward: Steward) throws {
    let (id, name, wecom) = (steward.id, steward.name, steward.wecomUserID)
    let (dingtalk, feishu, email) = (steward.dingtalkUserID, steward.feishuUserID, steward.email)
    _ = try upsert(
      table: "steward",
      insert: """
        INSERT INTO steward (id, name, wecom, dingtalk, feishu, email)
        VALUES (\(id), \(name), \(wecom), \(dingtalk), \(feishu), \(email))
        ON CONFLICT (id) DO NOTHING
        """,
      update: """
        UPDATE steward SET name = \(name), wecom = \(wecom), dingtalk = \(dingtalk), feishu = \(feishu), email = \(email)
        WHERE id = \(id) AND (name, wecom, dingtalk, feishu, email) IS DISTINCT FROM
          (\(name)::text, \(wecom)::text, \(dingtalk)::text, \(feishu)::text, \(email)::text)
        """)
  }

  private mutating func upsert(_ area: Area) throws {
    let buildings = area.buildings.joined(separator: ",")
    let change = try upsert(
      table: "area",
      insert: """
        INSERT INTO area (id, project, buildings) VALUES (\(area.id), \(area.project), \(buildings))
        ON CONFLICT (id) DO NOTHING
        """,
      update: """
        UPDATE area SET project = \(area.project), buildings = \(buildings)
        WHERE id = \(area.id) AND (project, buildings) IS DISTINCT FROM (\(area.project)::text, \(buildings)::text)
        """)
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
    let steward = assignment.assignment.steward
    try require("area", assignment.area, "unknown area \(assignment.area)")
    try require("steward", steward, "unknown steward \(steward)")
    let added = try session.run(
      """
      INSERT INTO area_steward (area, since, steward)
      VALUES (\(assignment.area), \(assignment.assignment.since.timeIntervalSince1970), \(steward))
      ON CONFLICT DO NOTHING
      """)
    guard added > 0 else { return }
    summary.count("area_steward", added: true)
    areas.insert(assignment.area)
  }

  /// Households without a repeated code: new ones inserted, known ones updated where they differ, and every
  /// history entry whose key is missing added.
  private mutating func upsert(_ chunk: ArraySlice<Household>) throws {
    var columns: [[String]] = Array(repeating: [], count: 10)
    for household in chunk {
      for (index, value) in Self.columns(of: household).enumerated() { columns[index].append(value) }
    }
    let inserted = Set(
      try session.rows(
        """
        INSERT INTO household (id, project, building, unit, room, area, owner_surname, owner_name, owner_phone, tags)
        SELECT * FROM unnest(\(columns[0])::text[], \(columns[1])::text[], \(columns[2])::text[],
          \(columns[3])::text[], \(columns[4])::text[], \(columns[5])::text[], \(columns[6])::text[],
          \(columns[7])::text[], \(columns[8])::text[], \(columns[9])::text[])
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
      ).map { try $0.decode(String.self) })
    count("household", added: true, times: inserted.count)
    households.formUnion(inserted)
    if inserted.count < chunk.count {
      let known = columns.map { column in
        column.indices.filter { !inserted.contains(columns[0][$0]) }.map { column[$0] }
      }
      let updated = try session.rows(
        """
        UPDATE household h SET project = n.project, building = n.building, unit = n.unit, room = n.room,
          area = n.area, owner_surname = n.owner_surname, owner_name = n.owner_name,
          owner_phone = n.owner_phone, tags = n.tags
        FROM unnest(\(known[0])::text[], \(known[1])::text[], \(known[2])::text[], \(known[3])::text[],
          \(known[4])::text[], \(known[5])::text[], \(known[6])::text[], \(known[7])::text[],
          \(known[8])::text[], \(known[9])::text[])
          AS n(id, project, building, unit, room, area, owner_surname, owner_name, owner_phone, tags)
        WHERE h.id = n.id AND (h.project, h.building, h.unit, h.room, h.area, h.owner_surname, h.owner_name,
          h.owner_phone, h.tags) IS DISTINCT FROM (n.project, n.building, n.unit, n.room, n.area,
          n.owner_surname, n.owner_name, n.owner_phone, n.tags)
        RETURNING h.id
        """
      ).map { try $0.decode(String.self) }
      count("household", added: false, times: updated.count)
      households.formUnion(updated)
    }
    var entries = HistoryEntries()
    for household in chunk { entries.add(household) }
    try store(entries)
  }

  /// A household's columns, in the table's order.
  private static func columns(of household: Household) -> [String] {
    [
      household.id, household.project, household.building, household.unit, household.room, household.area,
      household.owner.surname, household.owner.name, household.owner.phone,
      household.tags.sorted().joined(separator: ","),
    ]
  }

  /// Single history entries of known households.
  private mutating func add(_ chunk: ArraySlice<HouseholdEntry>) throws {
    if let unknown = try firstUnknownHousehold(chunk.map(\.household)) {
      throw StoreError("unknown household \(unknown)")
    }
    var entries = HistoryEntries()
    for entry in chunk { entries.add(entry) }
    try store(entries)
  }

  /// Inserts the entries whose key is missing; counts them and touches their households.
  private mutating func store(_ entries: HistoryEntries) throws {
    let added = [
      (
        "household_state",
        try session.rows(
          """
          INSERT INTO household_state (household, since, state)
          SELECT * FROM unnest(\(entries.states.households)::text[], \(entries.states.instants)::float8[],
            \(entries.states.values)::text[])
          ON CONFLICT DO NOTHING RETURNING household
          """)
      ),
      (
        "household_grade",
        try session.rows(
          """
          INSERT INTO household_grade (household, since, grade)
          SELECT * FROM unnest(\(entries.grades.households)::text[], \(entries.grades.instants)::float8[],
            \(entries.grades.values)::text[])
          ON CONFLICT DO NOTHING RETURNING household
          """)
      ),
      (
        "household_event",
        try session.rows(
          """
          INSERT INTO household_event (household, at, name)
          SELECT * FROM unnest(\(entries.events.households)::text[], \(entries.events.instants)::float8[],
            \(entries.events.values)::text[])
          ON CONFLICT DO NOTHING RETURNING household
          """)
      ),
    ]
    for (table, rows) in added {
      count(table, added: true, times: rows.count)
      for row in rows { households.insert(try row.decode(String.self)) }
    }
  }

  /// Visits without a repeated id: new ones inserted with what they captured, known ones left as stored.
  private mutating func insert(_ chunk: ArraySlice<VisitRecord>) throws {
    if let unknown = try firstUnknownHousehold(chunk.map(\.visit.household)) {
      throw StoreError("unknown household \(unknown)")
    }
    let visits = chunk.map(\.visit)
    let inserted = Set(
      try session.rows(
        """
        INSERT INTO visit (id, household, at, channel, kind, steward, interviewee, outcome)
        SELECT * FROM unnest(\(visits.map(\.id))::text[], \(visits.map(\.household))::text[],
          \(visits.map(\.at.timeIntervalSince1970))::float8[], \(visits.map(\.channel.rawValue))::text[],
          \(visits.map(\.kind.rawValue))::text[], \(visits.map(\.steward))::text[],
          \(visits.map(\.interviewee.rawValue))::text[], \(visits.map(\.outcome.rawValue))::text[])
        ON CONFLICT (id) DO NOTHING RETURNING id
        """
      ).map { try $0.decode(String.self) })
    guard !inserted.isEmpty else { return }
    count("visit", added: true, times: inserted.count)
    var captured = CapturedRows()
    for record in chunk where inserted.contains(record.visit.id) {
      households.insert(record.visit.household)
      captured.add(record)
    }
    try store(captured)
  }

  private mutating func store(_ rows: CapturedRows) throws {
    let info = try session.run(
      """
      INSERT INTO visit_info (visit, field, value)
      SELECT * FROM unnest(\(rows.info.visits)::text[], \(rows.info.fields)::text[], \(rows.info.values)::text[])
      ON CONFLICT DO NOTHING
      """)
    let feedback = try session.run(
      """
      INSERT INTO visit_feedback (visit, position, category, is_need, text)
      SELECT * FROM unnest(\(rows.feedback.visits)::text[], \(rows.feedback.positions)::bigint[],
        \(rows.feedback.categories)::text[], \(rows.feedback.needs)::boolean[], \(rows.feedback.texts)::text[])
      ON CONFLICT DO NOTHING
      """)
    let ratings = try session.run(
      """
      INSERT INTO visit_rating (visit, dimension, score)
      SELECT * FROM unnest(\(rows.ratings.visits)::text[], \(rows.ratings.dimensions)::text[],
        \(rows.ratings.scores)::bigint[])
      ON CONFLICT DO NOTHING
      """)
    let tickets = try insertTickets(rows)
    for (table, count) in [
      ("visit_info", info), ("visit_feedback", feedback), ("visit_rating", ratings), ("ticket", tickets),
    ] {
      self.count(table, added: true, times: count)
    }
  }

  /// Inserts the tickets whose numbers are new; returns how many.
  private func insertTickets(_ rows: CapturedRows) throws -> Int {
    try session.run(
      """
      INSERT INTO ticket (number, household, visit)
      SELECT * FROM unnest(\(rows.tickets.numbers)::text[], \(rows.tickets.households)::text[],
        \(rows.tickets.visits)::text[])
      ON CONFLICT DO NOTHING
      """)
  }

  private mutating func close(_ closure: TicketClosure) throws {
    let at = closure.at.timeIntervalSince1970
    guard
      let household = try session.rows("SELECT household FROM ticket WHERE number = \(closure.number)").first?
        .decode(String.self)
    else { throw StoreError("unknown ticket \(closure.number)") }
    let changed = try session.run(
      """
      UPDATE ticket SET closed_at = \(at) WHERE number = \(closure.number) AND closed_at IS DISTINCT FROM \(at)
      """)
    guard changed > 0 else { return }
    summary.count("ticket", added: false)
    households.insert(household)
  }

  private mutating func add(_ waiver: Waiver) throws {
    try require("household", waiver.household, "unknown household \(waiver.household)")
    let added = try session.run(
      """
      INSERT INTO waiver (task, household, reason, at)
      VALUES (\(waiver.task), \(waiver.household), \(waiver.reason), \(waiver.at.timeIntervalSince1970))
      ON CONFLICT DO NOTHING
      """)
    guard added > 0 else { return }
    summary.count("waiver", added: true)
    households.insert(waiver.household)
  }

  private mutating func upsert(_ campaign: Campaign) throws {
    try require("project", campaign.project, "unknown project \(campaign.project)")
    let buildings = campaign.buildings?.sorted().joined(separator: ",")
    let (first, last) = (campaign.from.dayNumber, campaign.to.dayNumber)
    let change = try upsert(
      table: "campaign",
      insert: """
        INSERT INTO campaign (id, rule, project, buildings, first_day, last_day)
        VALUES (\(campaign.id), \(campaign.rule), \(campaign.project), \(buildings), \(first), \(last))
        ON CONFLICT (id) DO NOTHING
        """,
      update: """
        UPDATE campaign SET rule = \(campaign.rule), project = \(campaign.project), buildings = \(buildings),
          first_day = \(first), last_day = \(last)
        WHERE id = \(campaign.id) AND (rule, project, buildings, first_day, last_day) IS DISTINCT FROM
          (\(campaign.rule)::text, \(campaign.project)::text, \(buildings)::text, \(first)::bigint, \(last)::bigint)
        """)
    if change != nil { projects.insert(campaign.project) }
  }

  /// Records a void beside the fact it voids, which must exist; the fact itself stays as it was.
  private mutating func add(_ correction: Correction) throws {
    let (fact, subject, household, entryAt) = try located(correction.subject)
    let added = try session.run(
      """
      INSERT INTO correction (fact, subject, household, entry_at, reason, voided_by, voided_at)
      VALUES (\(fact), \(subject), \(household), \(entryAt), \(correction.reason), \(correction.by),
        \(correction.at.timeIntervalSince1970))
      ON CONFLICT DO NOTHING
      """)
    guard added > 0 else { return }
    summary.count("correction", added: true)
    households.insert(household)
  }

  /// The correction row's key for `subject`: fact, subject, household and the entry's instant.
  private func located(_ subject: Correction.Subject) throws -> (String, String, String, Double) {
    switch subject {
    case .visit(let id):
      guard
        let household = try session.rows("SELECT household FROM visit WHERE id = \(id)").first?.decode(
          String.self)
      else { throw StoreError("unknown visit \(id)") }
      return ("visit", id, household, 0)
    case .waiver(let task):
      guard
        let household = try session.rows("SELECT household FROM waiver WHERE task = \(task)").first?
          .decode(String.self)
      else { throw StoreError("task \(task) was never waived") }
      return ("waiver", task, household, 0)
    case .entry(let entry):
      try require("household", entry.household, "unknown household \(entry.household)")
      let at = entry.at.timeIntervalSince1970
      let (fact, value, present): (String, String, Int)
      switch entry.change {
      case .state(let state):
        (fact, value) = ("state", state.rawValue)
        present = try session.rows(
          """
          SELECT 1 FROM household_state WHERE household = \(entry.household) AND since = \(at)
            AND state = \(value)
          """
        ).count
      case .grade(let grade):
        (fact, value) = ("grade", grade.rawValue)
        present = try session.rows(
          """
          SELECT 1 FROM household_grade WHERE household = \(entry.household) AND since = \(at)
            AND grade = \(value)
          """
        ).count
      case .event(let name):
        (fact, value) = ("event", name.rawValue)
        present = try session.rows(
          """
          SELECT 1 FROM household_event WHERE household = \(entry.household) AND at = \(at) AND name = \(value)
          """
        ).count
      }
      guard present > 0 else {
        throw StoreError("\(entry.household) has no \(fact) \(value) at that instant")
      }
      return (fact, value, entry.household, at)
    }
  }
}
