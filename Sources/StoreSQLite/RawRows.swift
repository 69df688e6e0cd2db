import Foundation
import GRDB
import GRDBSQLite
import Store

/// The rows of a query read straight from SQLite's columns (no `Row` per row, no value boxing), for loading
/// every fact.
final class RawRows {
  private let statement: Statement
  private var handle: OpaquePointer { statement.sqliteStatement }

  /// Prepares `sql` on `db` with `values` bound to its parameters in order.
  init(_ db: Database, _ sql: String, _ values: [BoundValue] = []) throws {
    statement = try db.makeStatement(sql: sql)
    try BulkStatement.bind(values, to: statement)
  }

  /// Moves to the next row; false after the last.
  func next() throws -> Bool {
    let code = sqlite3_step(handle)
    if code == SQLITE_ROW { return true }
    guard code == SQLITE_DONE else { throw BulkStatement.failure(code, statement) }
    return false
  }

  /// The text of a column of the current row; empty when NULL.
  func text(_ column: Int32) -> String { columnText(handle, column) }

  /// Calls `body` with the UTF-8 bytes of a column of the current row (empty when NULL), valid only inside it.
  func withBytes<T>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    let bytes = sqlite3_column_text(handle, column)
    return body(
      UnsafeBufferPointer(start: bytes, count: bytes == nil ? 0 : Int(sqlite3_column_bytes(handle, column))))
  }

  /// The text of a column of the current row, nil when NULL.
  func optionalText(_ column: Int32) -> String? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : text(column)
  }

  /// Whether the text of a column of the current row is `key`, byte for byte.
  func text(_ column: Int32, equals key: String) -> Bool { compare(column, key) == 0 }

  /// The order of a column's text against `key`, byte for byte as SQLite's BINARY collation orders them:
  /// negative, zero or positive.
  func compare(_ column: Int32, _ key: String) -> Int {
    let bytes = sqlite3_column_text(handle, column)
    let count = Int(sqlite3_column_bytes(handle, column))
    var key = key
    return key.withUTF8 { keyBytes in
      let common = min(count, keyBytes.count)
      if common > 0, let bytes, let keyBase = keyBytes.baseAddress {
        let order = memcmp(bytes, keyBase, common)
        if order != 0 { return Int(order) }
      }
      return count - keyBytes.count
    }
  }

  /// The integer of a column of the current row.
  func integer(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

  /// The real number of a column of the current row.
  func real(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

  /// The real number of a column of the current row, nil when NULL.
  func optionalReal(_ column: Int32) -> Double? {
    sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : real(column)
  }
}
