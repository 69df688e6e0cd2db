import Store

/// The PostgreSQL schema's versioned migrations; a shipped migration never changes, new ones are appended.
///
/// Instants are `double precision` seconds since 1970 and local days `bigint` day numbers since 1970-01-01, as in
/// the SQLite store, so both read back the same values to the bit. Keys and whatever is ordered by are
/// `COLLATE "C"` (byte order, as SQLite and Swift's `String` compare), whatever locale the cluster has.
enum PostgresSchema {
  /// The migrations, in order: a name and its SQL.
  static let migrations: [(name: String, sql: String)] = [("v1", v1), ("v2", v2)]

  /// Applies the migrations the database lacks, in one transaction under an advisory lock, so that two processes
  /// starting together migrate once.
  static func migrate(_ connection: BlockingConnection) throws {
    try connection.transaction { session in
      try session.execute(
        """
        SELECT pg_advisory_xact_lock(8317001);
        CREATE TABLE IF NOT EXISTS schema_migration (
          name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
        """)
      let applied = Set(
        try session.rows("SELECT name FROM schema_migration").map { try $0.decode(String.self) })
      for migration in migrations where !applied.contains(migration.name) {
        try session.execute(migration.sql)
        try session.run("INSERT INTO schema_migration (name) VALUES (\(migration.name))")
      }
    }
  }

  /// The names of the migrations applied, in order.
  static func applied(_ connection: BlockingConnection) throws -> [String] {
    try connection.withSession { session in
      try session.rows("SELECT name FROM schema_migration ORDER BY applied_at, name").map {
        try $0.decode(String.self)
      }
    }
  }

  private static let v1 = facts + households + visits + tasks + delivery + access

  /// v2: the leader lease (one row, its times the database's) and each schedule elapse run once, whatever node.
  private static let v2 = """
    CREATE TABLE leader (
      id integer PRIMARY KEY CHECK (id = 1), node text NOT NULL, epoch bigint NOT NULL,
      lease_until timestamptz NOT NULL);
    CREATE TABLE schedule_elapse (
      schedule text COLLATE "C" NOT NULL, elapse double precision NOT NULL, epoch bigint,
      recorded_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (schedule, elapse));
    """

  private static let facts = """
    CREATE TABLE plan_state (
      id integer PRIMARY KEY CHECK (id = 1), facts_version bigint NOT NULL, planned_version bigint NOT NULL,
      rules_digest text NOT NULL, year bigint NOT NULL, provisional_years text NOT NULL DEFAULT '');
    INSERT INTO plan_state VALUES (1, 1, 0, '', 0, '');
    CREATE TABLE project (
      id text COLLATE "C" PRIMARY KEY, name text NOT NULL, zone text NOT NULL, lead text NOT NULL);
    CREATE TABLE steward (
      id text COLLATE "C" PRIMARY KEY, name text NOT NULL, wecom text, dingtalk text, feishu text, email text);
    CREATE TABLE area (
      id text COLLATE "C" PRIMARY KEY, project text NOT NULL REFERENCES project(id), buildings text NOT NULL);
    CREATE TABLE area_steward (
      area text COLLATE "C" NOT NULL REFERENCES area(id), since double precision NOT NULL,
      steward text NOT NULL REFERENCES steward(id), PRIMARY KEY (area, since));
    CREATE TABLE campaign (
      id text COLLATE "C" PRIMARY KEY, rule text NOT NULL, project text NOT NULL REFERENCES project(id),
      buildings text, first_day bigint NOT NULL, last_day bigint NOT NULL);

    """

  private static let households = """
    CREATE TABLE household (
      id text COLLATE "C" PRIMARY KEY, project text NOT NULL REFERENCES project(id), building text NOT NULL,
      unit text NOT NULL, room text NOT NULL, area text NOT NULL REFERENCES area(id),
      owner_surname text NOT NULL, owner_name text NOT NULL, owner_phone text NOT NULL, tags text NOT NULL);
    CREATE INDEX household_area ON household(area);
    CREATE INDEX household_project ON household(project);
    CREATE TABLE household_state (
      household text COLLATE "C" NOT NULL REFERENCES household(id), since double precision NOT NULL,
      state text NOT NULL, PRIMARY KEY (household, since));
    CREATE TABLE household_grade (
      household text COLLATE "C" NOT NULL REFERENCES household(id), since double precision NOT NULL,
      grade text NOT NULL, PRIMARY KEY (household, since));
    CREATE TABLE household_event (
      household text COLLATE "C" NOT NULL REFERENCES household(id), name text COLLATE "C" NOT NULL,
      at double precision NOT NULL, PRIMARY KEY (household, name, at));
    CREATE TABLE correction (
      fact text NOT NULL, subject text COLLATE "C" NOT NULL, household text NOT NULL REFERENCES household(id),
      entry_at double precision NOT NULL, reason text NOT NULL, voided_by text NOT NULL,
      voided_at double precision NOT NULL, PRIMARY KEY (fact, subject, household, entry_at));
    CREATE INDEX correction_household ON correction(household);

    """

  private static let visits = """
    CREATE TABLE visit (
      id text COLLATE "C" PRIMARY KEY, household text NOT NULL REFERENCES household(id),
      at double precision NOT NULL, channel text NOT NULL, kind text NOT NULL, steward text NOT NULL,
      interviewee text NOT NULL, outcome text NOT NULL);
    CREATE INDEX visit_household ON visit(household, at);
    CREATE INDEX visit_at ON visit(at);
    CREATE TABLE visit_info (
      visit text COLLATE "C" NOT NULL REFERENCES visit(id), field text COLLATE "C" NOT NULL,
      value text NOT NULL, PRIMARY KEY (visit, field));
    CREATE TABLE visit_feedback (
      visit text COLLATE "C" NOT NULL REFERENCES visit(id), position bigint NOT NULL, category text NOT NULL,
      is_need boolean NOT NULL, text text NOT NULL, PRIMARY KEY (visit, position));
    CREATE TABLE visit_rating (
      visit text COLLATE "C" NOT NULL REFERENCES visit(id), dimension text COLLATE "C" NOT NULL,
      score bigint NOT NULL CHECK (score BETWEEN 1 AND 5), PRIMARY KEY (visit, dimension));
    CREATE TABLE ticket (
      number text COLLATE "C" PRIMARY KEY, household text NOT NULL REFERENCES household(id),
      visit text COLLATE "C" NOT NULL REFERENCES visit(id), closed_at double precision);
    CREATE INDEX ticket_household ON ticket(household);
    CREATE INDEX ticket_visit ON ticket(visit);
    CREATE TABLE waiver (
      task text COLLATE "C" PRIMARY KEY, household text NOT NULL REFERENCES household(id),
      reason text NOT NULL, at double precision NOT NULL);
    CREATE INDEX waiver_household ON waiver(household);

    """

  /// The states of a task not yet settled.
  static let unsettled = "state IN ('planned', 'open', 'overdue')"

  private static let tasks = """
    CREATE TABLE task (
      id text COLLATE "C" PRIMARY KEY, household text NOT NULL, project text NOT NULL, rule text NOT NULL,
      anchor_kind text NOT NULL, anchor_text text NOT NULL, anchor_number bigint NOT NULL,
      ordinal bigint NOT NULL, opens bigint NOT NULL, due bigint, grace_end bigint,
      planned_month bigint NOT NULL, assignee text NOT NULL, state text NOT NULL, settled_kind text,
      settled_detail text, settled_at double precision, outside_window boolean NOT NULL DEFAULT false);
    CREATE INDEX task_project ON task(project);
    CREATE INDEX task_assignee ON task(assignee, planned_month);
    CREATE INDEX task_unsettled ON task(project, opens, due, grace_end) WHERE \(unsettled);

    """

  private static let delivery = """
    CREATE TABLE outbox (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, key text NOT NULL UNIQUE, audience text NOT NULL,
      state text NOT NULL DEFAULT 'pending', attempts bigint NOT NULL DEFAULT 0, lease_until double precision,
      next_attempt double precision, created_at double precision NOT NULL, payload text NOT NULL,
      last_error text);
    CREATE INDEX outbox_pending ON outbox(state, next_attempt);
    CREATE TABLE schedule_run (schedule text PRIMARY KEY, last_run double precision NOT NULL);
    CREATE TABLE calendar_event (
      task text PRIMARY KEY, placement text NOT NULL, sequence bigint NOT NULL,
      changed double precision NOT NULL);

    """

  /// Tokens by the hash of their secret; the append-only access log (a trigger refuses changing or deleting a
  /// record); the first answer to each idempotency key of a token.
  private static let access = """
    CREATE TABLE api_token (
      id text PRIMARY KEY, secret_hash text NOT NULL UNIQUE, principal text NOT NULL,
      scopes text NOT NULL DEFAULT '', issued double precision NOT NULL, expires double precision,
      revoked double precision);
    CREATE TABLE access_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, at double precision NOT NULL, token text NOT NULL,
      principal text NOT NULL, scopes text NOT NULL DEFAULT '', household text NOT NULL, what text NOT NULL,
      why text NOT NULL);
    CREATE INDEX access_log_at ON access_log(at);
    CREATE FUNCTION access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'the access log is append-only'; END $$;
    CREATE TRIGGER access_log_no_change BEFORE UPDATE OR DELETE ON access_log
      FOR EACH ROW EXECUTE FUNCTION access_log_append_only();
    CREATE TABLE idempotent_answer (
      token text NOT NULL, key text NOT NULL, request_digest text NOT NULL, status bigint NOT NULL,
      body bytea NOT NULL, at double precision NOT NULL, PRIMARY KEY (token, key));
    """
}
