import GRDB
import Store

/// A query's rows ordered by a text key in column 0, consumed group by group alongside a parent's rows.
struct MergeCursor {
  private let rows: RawRows
  private var onRow: Bool

  init(_ db: Database, sql: String, values: [BoundValue] = []) throws {
    rows = try RawRows(db, sql, values)
    onRow = try rows.next()
  }

  /// Calls `body` with every row whose key is `key`, skipping rows with smaller keys (orphans); keys compare
  /// byte for byte, as SQLite's `ORDER BY` sorted them.
  mutating func take(_ key: String, _ body: (RawRows) throws -> Void) throws {
    while onRow {
      let order = rows.compare(0, key)
      if order > 0 { return }
      if order == 0 { try body(rows) }
      onRow = try rows.next()
    }
  }
}
