import Store

/// One CSV record and the line it starts on (1 is the header).
public struct CSVRecord: Sendable, Hashable {
  /// The line number the record starts on.
  public var line: Int
  /// The fields, unquoted.
  public var fields: [String]
  /// The record's length in the file, in bytes, separators and quotes included.
  var size = 0
  /// Whether a field may hold a control character (C0, DEL or C1; tabs and line breaks included): false means
  /// none does, so the fields need no closer look.
  var mayHoldControls = false
}

/// An RFC 4180 reader over UTF-8 text: quoted fields, doubled quotes, CRLF or LF, line numbers kept.
public struct CSVReader {
  private let bytes: [UInt8]
  private var position = 0
  private var line = 1
  private var sawControl = false

  /// A reader of `text`.
  public init(_ text: String) { bytes = Array(text.utf8) }

  /// The next record, nil at the end; throws on an unterminated quote.
  public mutating func next() throws -> CSVRecord? {
    guard position < bytes.count else { return nil }
    let start = line
    let startPosition = position
    sawControl = false
    var fields: [String] = []
    while true {
      fields.append(try field(startLine: start))
      guard position < bytes.count else { break }
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: ",") { continue }
      if byte == UInt8(ascii: "\r"), position < bytes.count, bytes[position] == UInt8(ascii: "\n") {
        position += 1
      }
      line += 1
      break
    }
    if fields.count == 1 && fields[0].isEmpty { return try next() }
    return CSVRecord(
      line: start, fields: fields, size: position - startPosition, mayHoldControls: sawControl)
  }

  /// Whether `byte` is a C0 control, DEL, or 0xC2 (in UTF-8 the lead byte of U+0080–U+00BF, the C1 controls
  /// among them): rare in real files, so a record without any is not looked at again.
  @inline(__always)
  private static func mayBeControl(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x7F || byte == 0xC2
  }

  private mutating func field(startLine: Int) throws -> String {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return plainField() }
    position += 1
    var value: [UInt8] = []
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\"") {
        if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
          value.append(byte)
          position += 1
          continue
        }
        let rest = plainField()
        return String(decoding: value, as: UTF8.self) + rest
      }
      if byte == UInt8(ascii: "\n") { line += 1 }
      if CSVReader.mayBeControl(byte) { sawControl = true }
      value.append(byte)
    }
    throw CSVSyntaxError(line: startLine, message: "a quoted field is never closed")
  }

  private mutating func plainField() -> String {
    let start = position
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
      if CSVReader.mayBeControl(byte) { sawControl = true }
      position += 1
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }
}

/// A CSV file that cannot be read past a line.
public struct CSVSyntaxError: Error, Sendable, Hashable {
  /// The line the bad record starts on.
  public var line: Int
  /// What is wrong.
  public var message: String
}
