import GRDB
import Store

/// The versioned migrations; a shipped migration never changes, new ones are appended.
enum Schema {
  /// The migrator with every migration, in order.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1", migrate: v1)
    migrator.registerMigration("v2", migrate: v2)
    migrator.registerMigration("v3", migrate: v3)
    migrator.registerMigration("v4", migrate: v4)
    migrator.registerMigration("v5", migrate: v5)
    migrator.registerMigration("v6", migrate: v6)
    migrator.registerMigration("v7", migrate: v7)
    migrator.registerMigration("v8", migrate: v8)
    migrator.registerMigration("v9", migrate: v9)
    return migrator
  }

  /// Instants are REAL seconds since 1970; local days are INTEGER day numbers since 1970-01-01.
  private static func v1(_ db: Database) throws {
    try db.execute(sql: facts + households + visits + tasks + delivery)
  }

  /// v2: the plan stamp (which facts version, rules and year the stored tasks are the plan of), and indexes
  /// for reading one project's tasks, the windows of unsettled tasks, and one household's waivers. A v1
  /// database starts with a stale stamp.
  private static func v2(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE plan_state (
          id INTEGER PRIMARY KEY CHECK (id = 1), facts_version INTEGER NOT NULL,
          planned_version INTEGER NOT NULL, rules_digest TEXT NOT NULL, year INTEGER NOT NULL);
        INSERT INTO plan_state VALUES (1, 1, 0, '', 0);
        CREATE INDEX task_project ON task(project);
        CREATE INDEX task_unsettled ON task(project, opens, due, grace_end, state)
          WHERE state IN ('planned', 'open', 'overdue');
        CREATE INDEX waiver_household ON waiver(household);
        """)
  }

  /// v3: a household's states, grades and events move into its own row, one text column each (see
  /// `HistoryColumn`): an import writes one row per household instead of one per history entry.
  private static func v3(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE household ADD COLUMN states TEXT NOT NULL DEFAULT '';
        ALTER TABLE household ADD COLUMN grades TEXT NOT NULL DEFAULT '';
        ALTER TABLE household ADD COLUMN events TEXT NOT NULL DEFAULT '';
        """)
    var states = try MergeCursor(db, sql: "SELECT household, since, state FROM household_state ORDER BY 1, 2")
    var grades = try MergeCursor(db, sql: "SELECT household, since, grade FROM household_grade ORDER BY 1, 2")
    var events = try MergeCursor(db, sql: "SELECT household, at, name FROM household_event ORDER BY 1, 2")
    let update = try BulkStatement(
      db, "UPDATE household SET states = ?2, grades = ?3, events = ?4 WHERE id = ?1")
    for id in try String.fetchAll(db, sql: "SELECT id FROM household ORDER BY id") {
      var history = StoredHistory()
      try states.take(id) { history.states.add($0.text(2), at: $0.real(1)) }
      try grades.take(id) { history.grades.add($0.text(2), at: $0.real(1)) }
      try events.take(id) { history.events.add($0.text(2), at: $0.real(1)) }
      guard history != StoredHistory() else { continue }
      let texts = history.texts
      try update.run([.text(id), .text(texts.states), .text(texts.grades), .text(texts.events)])
    }
    try db.execute(sql: "DROP TABLE household_state; DROP TABLE household_grade; DROP TABLE household_event;")
  }

  /// The unsettled states, as the partial index `task_unsettled` and the queries it serves name them: `=` terms
  /// joined by `OR`, which SQLite checks per row in half the time of an `IN` list when it builds the index.
  static let unsettled = "state = 'planned' OR state = 'open' OR state = 'overdue'"

  /// v4: no `task_household` index (a task's id starts with its household's code and a `/`, which codes never
  /// contain, so one household's tasks are a range of the id's index), and `task_unsettled` with `unsettled`
  /// as its condition. A first import of a million households built both for 2 million tasks: ~2.5 s less.
  private static func v4(_ db: Database) throws {
    try db.execute(
      sql: """
        DROP INDEX task_household;
        DROP INDEX task_unsettled;
        CREATE INDEX task_unsettled ON task(project, opens, due, grace_end, state) WHERE \(unsettled);
        """)
  }

  /// The outbox column holding a message's audience is named so, and the project lead is `project-lead`
  /// there as in the rules. Voided facts: `fact` is visit, waiver, state, grade or event; `subject` the visit
  /// id, the waived task id or the history entry's value, with `entry_at` the entry's instant (0 otherwise).
  private static func v5(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE outbox RENAME COLUMN channel TO audience;
        UPDATE outbox SET audience = 'project-lead' WHERE audience = 'lead';
        CREATE TABLE correction (
          fact TEXT NOT NULL, subject TEXT NOT NULL, household TEXT NOT NULL REFERENCES household(id),
          entry_at REAL NOT NULL, reason TEXT NOT NULL, voided_by TEXT NOT NULL, voided_at REAL NOT NULL,
          PRIMARY KEY (fact, subject, household, entry_at)) WITHOUT ROWID;
        CREATE INDEX correction_household ON correction(household);
        """)
  }

  /// v6: bearer tokens (only the SHA-256 of a secret is kept; `principal` is `Principal.identity`, an
  /// integration's scopes in `scopes`), the append-only log of full-contact reads (triggers refuse changing or
  /// deleting a record), and the first answer to each idempotency key of a token.
  private static func v6(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE api_token (
          id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL UNIQUE, principal TEXT NOT NULL,
          scopes TEXT NOT NULL DEFAULT '', issued REAL NOT NULL, expires REAL, revoked REAL);
        CREATE TABLE access_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT, at REAL NOT NULL, token TEXT NOT NULL, principal TEXT NOT NULL,
          scopes TEXT NOT NULL DEFAULT '', household TEXT NOT NULL, what TEXT NOT NULL, why TEXT NOT NULL);
        CREATE INDEX access_log_at ON access_log(at);
        CREATE TRIGGER access_log_no_update BEFORE UPDATE ON access_log
          BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
        CREATE TRIGGER access_log_no_delete BEFORE DELETE ON access_log
          BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
        CREATE TABLE idempotent_answer (
          token TEXT NOT NULL, key TEXT NOT NULL, request_digest TEXT NOT NULL, status INTEGER NOT NULL,
          body BLOB NOT NULL, at REAL NOT NULL, PRIMARY KEY (token, key));
        """)
  }

  /// v8: where each task's calendar event was last published (`placement`, as the feed words it), its
  /// SEQUENCE and when it last moved; rows of settled tasks stay (a few bytes each) so an id is never reused
  /// at sequence 0.
  private static func v8(_ db: Database) throws {
    try db.execute(
      sql: """
        CREATE TABLE calendar_event (
          task TEXT PRIMARY KEY, placement TEXT NOT NULL, sequence INTEGER NOT NULL, changed REAL NOT NULL)
          WITHOUT ROWID;
        """)
  }

  /// v9: each steward's DingTalk and Feishu user ids and mail address, for messages addressed to the person.
  private static func v9(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE steward ADD COLUMN dingtalk TEXT;
        ALTER TABLE steward ADD COLUMN feishu TEXT;
        ALTER TABLE steward ADD COLUMN email TEXT;
        """)
  }

  private static let facts = """
    CREATE TABLE project (id TEXT PRIMARY KEY, name TEXT NOT NULL, zone TEXT NOT NULL, lead TEXT NOT NULL);
    CREATE TABLE steward (id TEXT PRIMARY KEY, name TEXT NOT NULL, wecom TEXT);
    CREATE TABLE area (
      id TEXT PRIMARY KEY, project TEXT NOT NULL REFERENCES project(id), buildings TEXT NOT NULL);
    CREATE TABLE area_steward (
      area TEXT NOT NULL REFERENCES area(id), since REAL NOT NULL,
      steward TEXT NOT NULL REFERENCES steward(id), PRIMARY KEY (area, since)) WITHOUT ROWID;
    CREATE TABLE campaign (
      id TEXT PRIMARY KEY, rule TEXT NOT NULL, project TEXT NOT NULL REFERENCES project(id),
      buildings TEXT, first_day INTEGER NOT NULL, last_day INTEGER NOT NULL);

    """

  private static let households = """
    CREATE TABLE household (
      id TEXT PRIMARY KEY, project TEXT NOT NULL REFERENCES project(id), building TEXT NOT NULL,
      unit TEXT NOT NULL, room TEXT NOT NULL, area TEXT NOT NULL REFERENCES area(id),
      owner_surname TEXT NOT NULL, owner_name TEXT NOT NULL, owner_phone TEXT NOT NULL,
      tags TEXT NOT NULL);
    CREATE INDEX household_area ON household(area);
    CREATE TABLE household_state (
      household TEXT NOT NULL REFERENCES household(id), since REAL NOT NULL, state TEXT NOT NULL,
      PRIMARY KEY (household, since)) WITHOUT ROWID;
    CREATE TABLE household_grade (
      household TEXT NOT NULL REFERENCES household(id), since REAL NOT NULL, grade TEXT NOT NULL,
      PRIMARY KEY (household, since)) WITHOUT ROWID;
    CREATE TABLE household_event (
      household TEXT NOT NULL REFERENCES household(id), name TEXT NOT NULL, at REAL NOT NULL,
      PRIMARY KEY (household, name, at)) WITHOUT ROWID;

    """

  private static let visits = """
    CREATE TABLE visit (
      id TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id), at REAL NOT NULL,
      channel TEXT NOT NULL, kind TEXT NOT NULL, steward TEXT NOT NULL, interviewee TEXT NOT NULL,
      outcome TEXT NOT NULL);
    CREATE INDEX visit_household ON visit(household, at);
    CREATE TABLE visit_info (
      visit TEXT NOT NULL REFERENCES visit(id), field TEXT NOT NULL, value TEXT NOT NULL,
      PRIMARY KEY (visit, field)) WITHOUT ROWID;
    CREATE TABLE visit_feedback (
      visit TEXT NOT NULL REFERENCES visit(id), position INTEGER NOT NULL, category TEXT NOT NULL,
      is_need INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (visit, position)) WITHOUT ROWID;
    CREATE TABLE visit_rating (
      visit TEXT NOT NULL REFERENCES visit(id), dimension TEXT NOT NULL,
      score INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5), PRIMARY KEY (visit, dimension)) WITHOUT ROWID;
    CREATE TABLE ticket (
      number TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id),
      visit TEXT NOT NULL REFERENCES visit(id), closed_at REAL);
    CREATE INDEX ticket_household ON ticket(household);
    CREATE TABLE waiver (
      task TEXT PRIMARY KEY, household TEXT NOT NULL REFERENCES household(id), reason TEXT NOT NULL,
      at REAL NOT NULL);

    """

  private static let tasks = """
    CREATE TABLE task (
      id TEXT PRIMARY KEY, household TEXT NOT NULL, project TEXT NOT NULL, rule TEXT NOT NULL,
      anchor_kind TEXT NOT NULL, anchor_text TEXT NOT NULL, anchor_number INTEGER NOT NULL,
      ordinal INTEGER NOT NULL, opens INTEGER NOT NULL, due INTEGER, grace_end INTEGER,
      planned_month INTEGER NOT NULL, assignee TEXT NOT NULL, state TEXT NOT NULL,
      settled_kind TEXT, settled_detail TEXT, settled_at REAL, outside_window INTEGER NOT NULL DEFAULT 0);
    CREATE INDEX task_household ON task(household);
    CREATE INDEX task_assignee ON task(assignee, planned_month);

    """

  private static let delivery = """
    CREATE TABLE outbox (
      id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, channel TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, lease_until REAL,
      next_attempt REAL, created_at REAL NOT NULL, payload TEXT NOT NULL, last_error TEXT);
    CREATE INDEX outbox_pending ON outbox(state, next_attempt);
    CREATE TABLE schedule_run (schedule TEXT PRIMARY KEY, last_run REAL NOT NULL);
    """

  /// v7: the years whose holidays were provisional when the tasks were planned (comma-separated), so that
  /// installing a year's official holidays re-splits its months not yet begun; and a version of the reference
  /// tables (projects, stewards, areas and their stewards) that triggers bump on every change, so that a cached
  /// catalog is known current with one read.
  private static func v7(_ db: Database) throws {
    try db.execute(
      sql: """
        ALTER TABLE plan_state ADD COLUMN provisional_years TEXT NOT NULL DEFAULT '';
        ALTER TABLE plan_state ADD COLUMN reference_version INTEGER NOT NULL DEFAULT 0;
        """)
    for table in ["project", "steward", "area", "area_steward"] {
      for event in ["INSERT", "UPDATE", "DELETE"] {
        try db.execute(
          sql: """
            CREATE TRIGGER \(table)_\(event.lowercased())_reference AFTER \(event) ON \(table)
            BEGIN UPDATE plan_state SET reference_version = reference_version + 1 WHERE id = 1; END
            """)
      }
    }
  }
}
