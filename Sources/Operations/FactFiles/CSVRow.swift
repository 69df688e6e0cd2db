import Foundation
import Store

/// One data record being read: its fields by column key, and the issues found in it.
struct CSVRow {
  let file: String
  let line: Int
  private let fields: [String]
  private let header: HeaderMap
  private(set) var issues: [ImportIssue] = []

  init(_ record: CSVRecord, header: HeaderMap, file: String) {
    self.file = file
    line = record.line
    fields = record.fields
    self.header = header
  }

  /// The trimmed text of a column, empty when the column is absent.
  func text(_ key: String) -> String {
    guard let position = header.position(of: key), position < fields.count else { return "" }
    return CSVRow.trimmed(fields[position])
  }

  /// The text without surrounding spaces and tabs; cheap when there are none.
  static func trimmed(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first, let last = utf8.last else { return text }
    if first != 32 && first != 9 && last != 32 && last != 9 { return text }
    return text.trimmingCharacters(in: .whitespaces)
  }

  /// A hash of the bytes of all fields (64-bit FNV-1a), to tell identical duplicate rows from conflicting ones.
  var signature: Int {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for var field in fields {
      field.withUTF8 { bytes in
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      }
      hash = (hash ^ 0x1f) &* 0x100_0000_01b3
    }
    return Int(truncatingIfNeeded: hash)
  }

  /// Whether the row (`FactFileKind.maxRowBytes`) and each field (its column's `ColumnContent`) are within their
  /// limits; records an issue for each that is not. The value is not quoted: it may be huge or drive a terminal.
  mutating func isWithinLimits(_ record: CSVRecord) -> Bool {
    guard record.size <= FactFileKind.maxRowBytes else {
      fail(row: "the row is \(record.size) bytes long; a row is at most \(FactFileKind.maxRowBytes) bytes")
      return false
    }
    var within = true
    for position in fields.indices {
      guard let content = header.content(at: position) else { continue }
      let field = fields[position]
      let length = field.utf8.count > content.maxBytes ? CSVRow.trimmed(field).utf8.count : 0
      if length > content.maxBytes {
        fail(at: position, "is \(length) bytes long; \(content.noun) is at most \(content.maxBytes) bytes")
        within = false
      } else if record.mayHoldControls, let (offset, code) = CSVRow.firstControl(field, content) {
        let name = String(format: "U+%04X", code)
        let allowed = content.allowsLineBreaks ? " other than tabs and line breaks" : ""
        fail(
          at: position,
          "holds the control character \(name) at byte \(offset + 1); \(content.noun) cannot hold control "
            + "characters\(allowed)")
        within = false
      }
    }
    return within
  }

  /// The byte offset and code of the first control character (C0, DEL, C1) of `field` that `content` refuses,
  /// nil when there is none; surrounding spaces and tabs are left out, as `text(_:)` leaves them.
  private static func firstControl(_ field: String, _ content: ColumnContent) -> (Int, UInt32)? {
    var field = field
    return field.withUTF8 { bytes -> (Int, UInt32)? in
      var start = 0
      var end = bytes.count
      while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
      while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
      for index in start..<end {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F {
          let isBreak = byte == 9 || byte == 10 || byte == 13
          if !(isBreak && content.allowsLineBreaks) { return (index, UInt32(byte)) }
        } else if byte == 0xC2, index + 1 < end, bytes[index + 1] < 0xA0 {
          return (index, UInt32(bytes[index + 1]))
        }
      }
      return nil
    }
  }

  private mutating func fail(at position: Int, _ message: String) {
    let column = header.column(at: position)?.display
    issues.append(ImportIssue(file: file, line: line, column: column, message: message))
  }

  /// Records a problem of column `key`.
  mutating func fail(_ key: String, _ message: String) {
    let display = header.kind.columns.first { $0.key == key }?.display ?? key
    issues.append(ImportIssue(file: file, line: line, column: display, message: message))
  }

  /// Records a problem of the whole row.
  mutating func fail(row message: String) {
    issues.append(ImportIssue(file: file, line: line, column: nil, message: message))
  }

  /// The text of a column that must not be empty; nil (with an issue) when it is.
  mutating func required(_ key: String) -> String? {
    let value = text(key)
    if value.isEmpty { fail(key, "is empty; a value is required") }
    return value.isEmpty ? nil : value
  }

  /// A parsed value, nil when empty; an issue `'x' is not <what>; expected <expected>` when it does not parse.
  mutating func parse<T>(_ key: String, what: String, expected: String, _ parser: (String) -> T?) -> T? {
    let value = text(key)
    guard !value.isEmpty else { return nil }
    guard let parsed = parser(value) else {
      fail(key, "'\(value)' is not \(what); expected \(expected)")
      return nil
    }
    return parsed
  }
}
