import CalendarSpec
import Foundation
import GRDB
import Planner
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

@Suite struct MigrationTests {
  @Test func migratesAnEmptyFile() throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
    let tables = Set(try store.rowCounts().keys)
    let expected: Set<String> = [
      "project", "steward", "area", "area_steward", "household", "visit", "visit_info", "visit_feedback",
      "visit_rating", "ticket", "waiver", "campaign", "task", "outbox", "schedule_run", "plan_state",
      "correction", "api_token", "access_log", "idempotent_answer", "calendar_event",
    ]
    #expect(tables == expected)
    #expect(try store.integrityProblems().isEmpty)
  }

  @Test func reopeningKeepsDataAndMigratesNothingTwice() throws {
    let folder = TempFolder()
    _ = try Seed.store(in: folder)
    let reopened = try SQLiteStore(path: folder.database)
    #expect(try reopened.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
    #expect(try reopened.rowCounts()["household"] == 1)
  }

  @Test func aVersion2DatabaseKeepsEveryHistoryEntryInTheHouseholdRow() throws {
    let folder = TempFolder()
    let pool = try DatabasePool(path: folder.database)
    try Schema.migrator.migrate(pool, upTo: "v2")
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO project VALUES ('P1', '翠湖花园', 'Asia/Shanghai', 'S1');
          INSERT INTO area VALUES ('A1', 'P1', '1栋');
          INSERT INTO household VALUES ('H1', 'P1', '1栋', '1单元', '101', 'A1', '张', '伟', '13812345678', '');
          INSERT INTO household VALUES ('H2', 'P1', '1栋', '1单元', '102', 'A1', '李', '娜', '13900000000', '');
          INSERT INTO household_state VALUES ('H1', 1710000000.5, 'occupied'), ('H1', 1700000000, 'vacant');
          INSERT INTO household_grade VALUES ('H1', 1700000000, 'C');
          INSERT INTO household_event VALUES ('H1', 'moved-in', 1710000000.5), ('H1', 'delivered', 1700000000),
            ('H1', 'delivered', 1710000000.5);
          """)
    }
    try pool.close()
    let store = try SQLiteStore(path: folder.database)
    #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
    let households = try store.loadFacts().households
    let (early, late) = (
      Date(timeIntervalSince1970: 1_700_000_000), Date(timeIntervalSince1970: 1_710_000_000.5)
    )
    #expect(households["H1"]?.states == [Dated(.vacant, since: early), Dated(.occupied, since: late)])
    #expect(households["H1"]?.grades == [Dated(.c, since: early)])
    #expect(
      households["H1"]?.events
        == [
          HouseholdEvent(.delivered, at: early), HouseholdEvent(.delivered, at: late),
          HouseholdEvent(.movedIn, at: late),
        ])
    #expect(households["H2"]?.states.isEmpty == true && households["H2"]?.events.isEmpty == true)
    #expect(try store.rowCounts()["household_state"] == nil)
    #expect(try store.integrityProblems().isEmpty)
  }

  @Test func aVersion4OutboxKeepsItsRowsWithTheirAudienceAndTheLeadNamedAsInTheRules() throws {
    let folder = TempFolder()
    let pool = try DatabasePool(path: folder.database)
    try Schema.migrator.migrate(pool, upTo: "v4")
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO outbox (key, channel, state, attempts, next_attempt, created_at, payload)
          VALUES ('spot-check:P1:2026-11', 'lead', 'pending', 0, 0, 0, '{"audience":"lead"}'),
            ('digest:S1:2026-11-02', 'steward', 'delivered', 1, 0, 0, '{}');
          """)
    }
    try pool.close()
    let store = try SQLiteStore(path: folder.database)
    let rows = try store.outboxRows(state: nil, limit: 10).sorted { $0.key < $1.key }
    #expect(rows.map(\.audience) == ["steward", "project-lead"])
    #expect(rows.map(\.state) == [.delivered, .pending])
  }

  @Test func aHouseholdsTasksAreItsIdRangeWithoutHouseholdsWhoseCodeExtendsIt() throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    try store.save(tasks: [
      task("H1", "occupied-annual"), task("H1", "deep-interview"), task("H10", "occupied-annual"),
      task("H1-2", "occupied-annual"), task("H0", "occupied-annual"),
    ])
    #expect(
      try store.tasks(household: "H1").map(\.id) == ["H1/deep-interview/2026/1", "H1/occupied-annual/2026/1"])
    #expect(try store.tasks(household: "H10").map(\.household) == ["H10"])
    #expect(try store.tasks(household: "H").isEmpty)
    #expect(try queryPlan(store, "SELECT * FROM task WHERE id >= 'H1/' AND id < 'H10'").contains("autoindex"))
  }

  @Test func theWindowsOfUnsettledTasksAreReadFromTheirPartialIndexAlone() throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    try store.save(tasks: [
      task("H1", "occupied-annual"), task("H1", "deep-interview"), task("H2", "occupied-annual", .done),
    ])
    var windows: [String] = []
    try store.read { reader in
      try reader.forEachUnsettledWindow { project, opens, last, count in
        windows.append("\(project) \(opens) \(last.map(String.init(describing:)) ?? "-") \(count)")
      }
    }
    #expect(windows == ["P1 2026-01-01 2026-12-31 2"])
    let sql =
      "SELECT project, opens, due, grace_end, count(*) FROM task WHERE \(Schema.unsettled) GROUP BY 1, 2, 3, 4"
    #expect(try queryPlan(store, sql).contains("COVERING INDEX task_unsettled"))
  }

  private func task(_ household: String, _ rule: String, _ state: TaskState = .open) -> VisitTask {
    VisitTask(
      household: household, project: "P1", rule: rule,
      anchor: .period(PeriodKey(.year, containing: YearMonth(year: 2026, month: 1))), ordinal: 1,
      opens: LocalDate(year: 2026, month: 1, day: 1)!, due: LocalDate(year: 2026, month: 12, day: 31)!,
      plannedMonth: YearMonth(year: 2026, month: 3), assignee: "S1", state: state)
  }

  private func queryPlan(_ store: SQLiteStore, _ sql: String) throws -> String {
    try store.pool.read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }.joined(
        separator: "; ")
    }
  }

  @Test func filesAreReadableByTheOwnerOnly() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    for suffix in ["", "-wal", "-shm"] {
      let path = folder.database + suffix
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(path)")
    }
    #expect(try store.loadFacts().households.count == 1)
  }

  @Test func locationFollowsSystemd() {
    #expect(DatabaseLocation.path(explicit: "/x.db", environment: [:]) == "/x.db")
    #expect(
      DatabaseLocation.path(explicit: nil, environment: ["STATE_DIRECTORY": "/var/lib/visitd"])
        == "/var/lib/visitd/visitd.sqlite")
    #expect(DatabaseLocation.path(explicit: nil, environment: [:]) == "var/visitd.sqlite")
  }

  @Test func masksNamesAndPhones() {
    #expect(Masking.name("张伟") == "张*")
    #expect(Masking.name("欧阳娜娜") == "欧*")
    #expect(Masking.phone("13812345678") == "138****5678")
    #expect(Masking.phone("13812345678", showContact: true) == "13812345678")
  }
}
