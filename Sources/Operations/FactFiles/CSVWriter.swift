import Store

/// Writes CSV (RFC 4180, LF line ends) into a byte buffer, quoting only the fields that need it.
public struct CSVWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []

  /// A writer, starting with a UTF-8 BOM when `bom` (so Excel reads it as UTF-8).
  public init(bom: Bool = false) {
    if bom { bytes = [0xEF, 0xBB, 0xBF] }
  }

  /// Appends one record.
  public mutating func write(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(field)
    }
    bytes.append(UInt8(ascii: "\n"))
  }

  private mutating func append(_ field: String) {
    let utf8 = field.utf8
    let needsQuotes = utf8.contains {
      $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
    }
    guard needsQuotes else {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
