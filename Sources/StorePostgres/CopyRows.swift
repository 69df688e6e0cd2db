import NIOCore

/// Rows in the text format of PostgreSQL's COPY: fields separated by tabs, each row ended by a newline, a
/// backslash, tab, newline or carriage return in a text escaped with a backslash, and `\N` for null.
///
/// Bytes gather in an array (a million rows of tasks is a few hundred megabytes written a field at a time, so
/// each field is one bulk append) and become a `ByteBuffer` once, when sent.
struct CopyRows {
  private var bytes: [UInt8] = []
  /// How many rows have ended.
  private(set) var count = 0
  private var fieldsInRow = 0

  /// The rows so far, as COPY data.
  var buffer: ByteBuffer { ByteBuffer(bytes: bytes) }

  /// Adds a text field.
  mutating func add(_ text: String) {
    separate()
    var text = text
    text.withUTF8 { utf8 in
      guard utf8.contains(where: Self.needsEscape) else { return bytes.append(contentsOf: utf8) }
      for byte in utf8 {
        switch byte {
        case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        default: bytes.append(byte)
        }
      }
    }
  }

  /// Adds an integer field.
  mutating func add(_ number: Int) {
    separate()
    if number < 0 { bytes.append(UInt8(ascii: "-")) }
    var magnitude = number.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  /// Adds a floating-point field, written so that it reads back to the same bits.
  mutating func add(_ number: Double) {
    separate()
    bytes.append(contentsOf: number.description.utf8)
  }

  /// Adds a boolean field.
  mutating func add(_ flag: Bool) {
    separate()
    bytes.append(flag ? UInt8(ascii: "t") : UInt8(ascii: "f"))
  }

  /// Adds a null field.
  mutating func addNull() {
    separate()
    bytes += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
  }

  /// Ends the row.
  mutating func endRow() {
    bytes.append(UInt8(ascii: "\n"))
    count += 1
    fieldsInRow = 0
  }

  private mutating func separate() {
    if fieldsInRow > 0 { bytes.append(UInt8(ascii: "\t")) }
    fieldsInRow += 1
  }

  private static func needsEscape(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
      || byte == UInt8(ascii: "\r")
  }
}
