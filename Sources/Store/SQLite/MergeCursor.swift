import GRDB

/// A row cursor ordered by a text key in column 0, consumed group by group alongside a parent cursor.
struct MergeCursor {
  private let cursor: RowCursor
  private var current: Row?

  init(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
    cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
    current = try cursor.next()
  }

  /// Calls `body` with every row whose key is `key`, skipping rows with smaller keys (orphans).
  mutating func take(_ key: String, _ body: (Row) throws -> Void) throws {
    while let row = current {
      let rowKey: String = row[0]
      if rowKey > key { return }
      if rowKey == key { try body(row) }
      current = try cursor.next()
    }
  }
}
