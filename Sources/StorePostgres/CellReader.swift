import NIOCore
import PostgresNIO
import Store

/// Reads a row's cells left to right as text or numbers.
///
/// Decision: reading a whole store decodes millions of cells, and postgres-nio's generic `decode` of a tuple
/// costs several times a direct read of the binary bytes; a cell of another type or format than expected
/// falls back to that `decode`.
struct CellReader {
  private var cells: PostgresRow.Iterator

  init(_ row: PostgresRow) { cells = row.makeIterator() }

  /// The next cell as text.
  mutating func text() throws -> String {
    let cell = try next()
    guard cell.format == .binary, cell.dataType == .text || cell.dataType == .varchar, let bytes = cell.bytes
    else { return try cell.decode(String.self) }
    return String(buffer: bytes)
  }

  /// The next cell as a double.
  mutating func double() throws -> Double {
    let cell = try next()
    guard cell.format == .binary, cell.dataType == .float8, let bytes = cell.bytes, bytes.readableBytes == 8,
      let bits = bytes.getInteger(at: bytes.readerIndex, as: UInt64.self)
    else { return try cell.decode(Double.self) }
    return Double(bitPattern: bits)
  }

  private mutating func next() throws -> PostgresCell {
    guard let cell = cells.next() else { throw StoreError("a row has fewer columns than read") }
    return cell
  }
}
