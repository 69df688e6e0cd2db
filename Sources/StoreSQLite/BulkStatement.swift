import GRDB
import GRDBSQLite
import Store

/// A value bound to a statement parameter.
enum BoundValue {
  /// TEXT.
  case text(String)
  /// INTEGER.
  case integer(Int)
  /// REAL.
  case real(Double)
  /// NULL.
  case null

  /// TEXT, or NULL when nil.
  static func text(_ value: String?) -> BoundValue { value.map(BoundValue.text) ?? .null }

  /// INTEGER, or NULL when nil.
  static func integer(_ value: Int?) -> BoundValue { value.map(BoundValue.integer) ?? .null }
}

/// A statement prepared once and run for many rows of a bulk write, its values bound straight to SQLite (no
/// per-run argument boxing or SQL lookup).
struct BulkStatement {
  private let statement: Statement

  /// Prepares `sql` on `db`.
  init(_ db: Database, _ sql: String) throws {
    statement = try db.makeStatement(sql: sql)
  }

  /// Runs the statement with `values` bound to its parameters in order; returns the number of rows it changed.
  @discardableResult
  func run(_ values: [BoundValue]) throws -> Int {
    try run { $0.bind(values) }
  }

  /// Runs the statement with the values `bind` gives bound to its parameters in order; returns the number of
  /// rows it changed.
  @discardableResult
  func run(binding bind: (inout ParameterBinder) -> Void) throws -> Int {
    let handle = try step(bind)
    defer { sqlite3_reset(handle.statement) }
    return Int(sqlite3_changes(sqlite3_db_handle(handle.statement)))
  }

  /// Whether the query, with `values` bound, gives a row.
  func hasRow(_ values: [BoundValue]) throws -> Bool {
    let handle = try step(values)
    sqlite3_reset(handle.statement)
    return handle.code == SQLITE_ROW
  }

  /// The texts of the first `columns` columns of the query's first row with `values` bound, nil when it gives
  /// no row.
  func texts(_ values: [BoundValue], columns: Int32) throws -> [String]? {
    let handle = try step(values)
    defer { sqlite3_reset(handle.statement) }
    guard handle.code == SQLITE_ROW else { return nil }
    return (0..<columns).map { columnText(handle.statement, $0) }
  }

  /// Binds `values` to the parameters of `statement` in order.
  static func bind(_ values: [BoundValue], to statement: Statement) throws {
    var binder = ParameterBinder(handle: statement.sqliteStatement)
    binder.bind(values)
    guard binder.code == SQLITE_OK else { throw failure(binder.code, statement) }
  }

  private func step(_ values: [BoundValue]) throws -> (statement: OpaquePointer, code: Int32) {
    try step { $0.bind(values) }
  }

  private func step(_ bind: (inout ParameterBinder) -> Void) throws -> (statement: OpaquePointer, code: Int32)
  {
    let handle = statement.sqliteStatement
    var binder = ParameterBinder(handle: handle)
    bind(&binder)
    guard binder.code == SQLITE_OK else { throw Self.failure(binder.code, statement) }
    let code = sqlite3_step(handle)
    guard code == SQLITE_DONE || code == SQLITE_ROW else { throw Self.failure(code, statement) }
    return (handle, code)
  }

  /// The error of `code` with SQLite's message, the statement reset for its next run.
  static func failure(_ code: Int32, _ statement: Statement) -> DatabaseError {
    let handle = statement.sqliteStatement
    let error = DatabaseError(
      resultCode: ResultCode(rawValue: code),
      message: String(cString: sqlite3_errmsg(sqlite3_db_handle(handle))), sql: statement.sql)
    sqlite3_reset(handle)
    return error
  }
}

/// Binds values to a statement's parameters one after the other, straight to SQLite.
struct ParameterBinder {
  fileprivate let handle: OpaquePointer
  private var index: Int32 = 1
  /// The first failing bind's code, SQLITE_OK while none failed.
  fileprivate private(set) var code = SQLITE_OK

  fileprivate init(handle: OpaquePointer) { self.handle = handle }

  /// Binds TEXT, or NULL when nil.
  mutating func text(_ value: String?) {
    record(value.map { Self.bind($0, at: index, handle) } ?? sqlite3_bind_null(handle, index))
  }

  /// Binds TEXT given as UTF-8 bytes.
  mutating func text(utf8 bytes: [UInt8]) {
    record(bytes.withUnsafeBufferPointer { Self.bind($0, at: index, handle) })
  }

  /// Binds INTEGER, or NULL when nil.
  mutating func integer(_ value: Int?) {
    record(value.map { sqlite3_bind_int64(handle, index, Int64($0)) } ?? sqlite3_bind_null(handle, index))
  }

  /// Binds REAL, or NULL when nil.
  mutating func real(_ value: Double?) {
    record(value.map { sqlite3_bind_double(handle, index, $0) } ?? sqlite3_bind_null(handle, index))
  }

  /// Binds `values` in order.
  mutating func bind(_ values: [BoundValue]) {
    for value in values {
      switch value {
      case .text(let text): self.text(text)
      case .integer(let number): integer(number)
      case .real(let number): real(number)
      case .null: text(nil)
      }
    }
  }

  private mutating func record(_ result: Int32) {
    if code == SQLITE_OK { code = result }
    index += 1
  }

  /// Binds `text` at `index`, copied by SQLite before the call returns (SQLITE_TRANSIENT).
  private static func bind(_ text: String, at index: Int32, _ handle: OpaquePointer) -> Int32 {
    var text = text
    return text.withUTF8 { bind($0, at: index, handle) }
  }

  /// Binds the UTF-8 text `bytes` at `index`, copied by SQLite before the call returns (SQLITE_TRANSIENT).
  private static func bind(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int32, _ handle: OpaquePointer)
    -> Int32
  {
    let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
    guard let base = bytes.baseAddress, !bytes.isEmpty else {
      return sqlite3_bind_text(handle, index, "", 0, transient)
    }
    return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
      sqlite3_bind_text(handle, index, $0, Int32(bytes.count), transient)
    }
  }
}

/// The text of a column of a statement's current row, decoded as UTF-8; empty when NULL.
func columnText(_ statement: OpaquePointer, _ column: Int32) -> String {
  guard let bytes = sqlite3_column_text(statement, column) else { return "" }
  let count = Int(sqlite3_column_bytes(statement, column))
  return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
}
