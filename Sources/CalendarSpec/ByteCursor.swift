/// A position in the ASCII bytes of an expression, with the small look-ahead helpers the parser needs.
struct ByteCursor {
  let bytes: [UInt8]
  var index: Int

  init(_ text: Substring) {
    bytes = Array(text.utf8)
    index = 0
  }

  /// The byte at the cursor, or 0 at the end (like a C string).
  var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

  /// The byte `offset` places ahead, or 0 past the end.
  func peek(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }

  var atEnd: Bool { index >= bytes.count }

  /// Whether the current byte is an ASCII digit.
  var atDigit: Bool { current >= 0x30 && current <= 0x39 }

  /// The rest of the text from the cursor.
  var rest: String { String(decoding: bytes[min(index, bytes.count)...], as: UTF8.self) }

  /// Skips spaces.
  mutating func skipSpaces() {
    while current == 0x20 { index += 1 }
  }

  /// Consumes `text` when the input continues with it, case-insensitively.
  mutating func consume(caseInsensitive text: String) -> Bool {
    let wanted = Array(text.utf8)
    guard index + wanted.count <= bytes.count else { return false }
    for (offset, byte) in wanted.enumerated() where Self.lower(bytes[index + offset]) != Self.lower(byte) {
      return false
    }
    index += wanted.count
    return true
  }

  /// The run of ASCII letters at the cursor, or else its one character (for error messages).
  var word: String {
    var end = index
    while end < bytes.count, Self.lower(bytes[end]) >= 0x61, Self.lower(bytes[end]) <= 0x7A { end += 1 }
    if end == index, index < bytes.count {
      // One whole UTF-8 character, not a lone lead byte that would print as U+FFFD.
      end += 1
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    }
    return String(decoding: bytes[index..<end], as: UTF8.self)
  }

  private static func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
}
