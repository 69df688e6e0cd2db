import Store

/// Writes CSV (RFC 4180, LF line ends) into a byte buffer, quoting only the fields that need it. A cell a
/// spreadsheet would run as a formula is neutralised as OWASP's CSV-injection guidance says: quoted, with a `'`
/// put before it.
public struct CSVWriter: Sendable {
  /// The bytes written so far.
  public private(set) var bytes: [UInt8] = []
  private var neutralisesFormulas = true

  /// A writer, starting with a UTF-8 BOM when `bom` (so Excel reads it as UTF-8).
  public init(bom: Bool = false) {
    if bom { bytes = [0xEF, 0xBB, 0xBF] }
  }

  /// A writer that keeps every cell as it is, for text that only this program reads back.
  static func verbatim() -> CSVWriter {
    var writer = CSVWriter()
    writer.neutralisesFormulas = false
    return writer
  }

  /// Appends one record.
  public mutating func write(_ fields: [String]) {
    for (index, field) in fields.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(field)
    }
    bytes.append(UInt8(ascii: "\n"))
  }

  /// Whether a spreadsheet may run `field` as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a carriage
  /// return. Decision: a plain negative number (`-12`, `-3.5`, `-4.2%`) is kept as it is, so that a report's
  /// figures stay numbers; a spreadsheet reads it as a constant, and anything more after the sign is neutralised.
  public static func mayRunAsFormula(_ field: String) -> Bool {
    guard let first = field.utf8.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "@"), 9, 13: return true
    case UInt8(ascii: "-"): return !isNegativeNumber(field.utf8.dropFirst())
    default: return false
    }
  }

  /// Whether `digits` (what follows a minus sign) is `12`, `3.5` or `4.2%`.
  private static func isNegativeNumber(_ digits: Substring.UTF8View) -> Bool {
    var rest = digits[...]
    if rest.last == UInt8(ascii: "%") { rest = rest.dropLast() }
    let parts = rest.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    return (1...2).contains(parts.count)
      && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (0x30...0x39).contains($0) } }
  }

  private mutating func append(_ field: String) {
    let utf8 = field.utf8
    let isFormula = neutralisesFormulas && CSVWriter.mayRunAsFormula(field)
    let needsQuotes =
      isFormula
      || utf8.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13
      }
    guard needsQuotes else {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    if isFormula { bytes.append(UInt8(ascii: "'")) }
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
