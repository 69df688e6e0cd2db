import PostgresNIO
import Store

/// A first load of empty tables, done as PostgreSQL's manual advises for populating a database: inside the
/// writing transaction the tables' keys and indexes, and the foreign keys on them or pointing at them, are
/// dropped; the rows go in with COPY; then all of it is created again, the foreign keys checked over the rows.
///
/// Decision: only for tables that are empty when the write begins, whose writer proves every row new and unique
/// before sending it (see `PostgresFactWriter`); and inside the one transaction, so an error anywhere rolls the
/// drops back with the rows. The tables are locked (ACCESS EXCLUSIVE) until the commit: other nodes' reads of
/// an empty store wait for its first import. What is dropped is read from the catalog, so the migrations stay
/// the one place the schema is written.
struct PostgresBulkLoad {
  /// A key, index or foreign key dropped: how to drop it and how to create it again.
  private struct Definition {
    let drop: String
    let create: String
  }

  private let session: PostgresSession
  /// Keys first, then indexes, then foreign keys: the order they are created in.
  private let definitions: [Definition]

  /// The fact tables a first import loads.
  static let factTables = [
    "household", "household_state", "household_grade", "household_event", "visit", "visit_info",
    "visit_feedback", "visit_rating",
  ]

  /// Begins a bulk load of `tables` when the first of them has no rows (the rest hang off it); nil otherwise.
  /// The tables are locked with `alsoLocking` at once: a reader holding one while waiting for another cannot
  /// deadlock with the load taking them one after the other.
  static func begin(_ tables: [String], alsoLocking others: [String] = [], session: PostgresSession) throws
    -> PostgresBulkLoad?
  {
    guard let first = tables.first,
      try session.rows("SELECT NOT EXISTS (SELECT 1 FROM \(unescaped: first))").first?.decode(Bool.self)
        == true
    else { return nil }
    try session.execute(
      "LOCK TABLE \((tables + others).joined(separator: ", ")) IN ACCESS EXCLUSIVE MODE")
    let load = PostgresBulkLoad(
      session: session,
      definitions: try keys(tables, session) + indexes(tables, session)
        + foreignKeys(tables, session))
    for definition in load.definitions.reversed() { try session.execute(definition.drop) }
    return load
  }

  /// Creates the keys, indexes and foreign keys again; a foreign key fails here when a row breaks it.
  func finish() throws {
    try session.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for definition in definitions { try session.execute(definition.create) }
  }

  /// The primary keys and unique constraints of `tables`.
  private static func keys(_ tables: [String], _ session: PostgresSession) throws -> [Definition] {
    try constraints(
      session,
      "c.contype IN ('p', 'u') AND c.conrelid = ANY(\(tables)::text[]::regclass[])")
  }

  /// The foreign keys of `tables` and those of other tables that point at them.
  private static func foreignKeys(_ tables: [String], _ session: PostgresSession) throws -> [Definition] {
    try constraints(
      session,
      """
      c.contype = 'f' AND (c.conrelid = ANY(\(tables)::text[]::regclass[])
        OR c.confrelid = ANY(\(tables)::text[]::regclass[]))
      """)
  }

  private static func constraints(_ session: PostgresSession, _ condition: PostgresQuery) throws
    -> [Definition]
  {
    let query = PostgresQuery(
      unsafeSQL: """
        SELECT c.conrelid::regclass::text, quote_ident(c.conname), pg_get_constraintdef(c.oid)
        FROM pg_constraint c WHERE \(condition.sql) ORDER BY 1, 2
        """, binds: condition.binds)
    return try session.rows(query).map { row in
      let (table, name, definition) = try row.decode((String, String, String).self)
      return Definition(
        drop: "ALTER TABLE \(table) DROP CONSTRAINT \(name)",
        create: "ALTER TABLE \(table) ADD CONSTRAINT \(name) \(definition)")
    }
  }

  /// The indexes of `tables` that no key owns.
  private static func indexes(_ tables: [String], _ session: PostgresSession) throws -> [Definition] {
    try session.rows(
      """
      SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
      WHERE i.indrelid = ANY(\(tables)::text[]::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
      ORDER BY 1
      """
    ).map { row in
      let (name, definition) = try row.decode((String, String).self)
      return Definition(drop: "DROP INDEX \(name)", create: definition)
    }
  }
}
