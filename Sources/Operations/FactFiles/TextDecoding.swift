import Foundation
import Store

/// The text encodings a CSV file may come in.
public enum TextEncoding: String, Sendable, CaseIterable {
  /// UTF-8, with or without a byte order mark.
  case utf8 = "utf-8"
  /// GB18030 (a superset of GBK), as Excel saves CSV on Chinese Windows.
  case gb18030

  /// Parses `utf-8`, `utf8`, `gb18030`, `gbk` or `gb2312` (GBK and GB2312 are read as GB18030).
  public init?(name: String) {
    switch name.lowercased() {
    case "utf-8", "utf8": self = .utf8
    case "gb18030", "gbk", "gb2312", "cp936": self = .gb18030
    default: return nil
    }
  }

  /// Foundation's encoding for GB18030: `CFStringConvertEncodingToNSStringEncoding(0x0632)`, i.e. 0x8000_0632.
  static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// Turns a file's bytes into text: UTF-8 when they are valid UTF-8 (BOM dropped), else GB18030.
public enum TextDecoding {
  /// The text of `bytes` in `encoding`, or detected when nil; throws `UndecodableText` naming the first bad byte
  /// when they are not text in it.
  public static func decode(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws(UndecodableText) -> (
    String, TextEncoding
  ) {
    let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let body = bom == 0 ? bytes : Array(bytes.dropFirst(bom))
    if encoding != .gb18030, let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
    let notUTF8 = encoding == .gb18030 ? nil : firstNonUTF8(body).map { UndecodableText(body, $0, bom) }
    if let notUTF8, encoding == .utf8 {
      throw notUTF8.saying("is not UTF-8; expected UTF-8 text (try --encoding gb18030)")
    }
    if let notUTF8, encoding == nil, bom > 0 || hasUTF8Line(body, before: notUTF8.offset - bom) {
      throw notUTF8.saying(
        "is not UTF-8, though the text before it is; expected UTF-8 text (or --encoding gb18030)")
    }
    if let text = String(data: Data(body), encoding: TextEncoding.foundationGB18030) {
      return (text, .gb18030)
    }
    let notGB = UndecodableText(body, firstNonGB18030(body), bom)
    guard let notUTF8 else { throw notGB.saying("is not GB18030; expected GB18030 text") }
    // Neither: the encoding that reads further is likelier the file's, so its first bad byte is named.
    if notUTF8.offset >= notGB.offset {
      throw notUTF8.saying(
        "is not UTF-8, and the file is not GB18030 either (\(notGB.place)); expected UTF-8 or GB18030 text")
    }
    throw notGB.saying(
      "is not GB18030, and the file is not UTF-8 either (\(notUTF8.place)); expected UTF-8 or GB18030 text")
  }

  /// Whether a whole line before the one holding `offset` has non-ASCII text (valid UTF-8, since it is before
  /// the first bad byte): then the file is UTF-8 with a bad byte rather than GB18030, whose Chinese text is almost
  /// never valid UTF-8 for a whole line, and reading it as GB18030 would garble it from its header on.
  private static func hasUTF8Line(_ body: [UInt8], before offset: Int) -> Bool {
    guard let lineStart = body[..<offset].lastIndex(of: 0x0A) else { return false }
    return body[..<lineStart].contains { $0 >= 0x80 }
  }

  /// The offset of the first byte of `bytes` that does not start a well-formed UTF-8 sequence, nil when all do.
  static func firstNonUTF8(_ bytes: [UInt8]) -> Int? {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      // The length of the sequence and the range of its second byte (which excludes overlong forms,
      // surrogates and code points past U+10FFFF).
      let length: Int
      let second: ClosedRange<UInt8>
      switch lead {
      case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
      case 0xE0: (length, second) = (3, 0xA0...0xBF)
      case 0xED: (length, second) = (3, 0x80...0x9F)
      case 0xE1...0xEF: (length, second) = (3, 0x80...0xBF)
      case 0xF0: (length, second) = (4, 0x90...0xBF)
      case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
      case 0xF4: (length, second) = (4, 0x80...0x8F)
      default: return index
      }
      guard index + length <= bytes.count, second.contains(bytes[index + 1]) else { return index }
      for next in index + 2..<index + length where !(0x80...0xBF).contains(bytes[next]) { return index }
      index += length
    }
    return nil
  }

  /// The offset of the first byte of `bytes` that does not start a GB18030 sequence (one byte up to 0x80, two
  /// bytes, or four bytes inside the mapped ranges); when the structure holds but the text still does not
  /// decode, the start of the first line that does not.
  static func firstNonGB18030(_ bytes: [UInt8]) -> Int {
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      if lead <= 0x80 {  // ASCII, and 0x80 read as € as Windows code page 936 does
        index += 1
        continue
      }
      guard lead != 0xFF, index + 1 < bytes.count else { return index }
      let second = bytes[index + 1]
      if (0x40...0x7E).contains(second) || (0x80...0xFE).contains(second) {
        index += 2
        continue
      }
      guard (0x30...0x39).contains(second), index + 3 < bytes.count, (0x81...0xFE).contains(bytes[index + 2]),
        (0x30...0x39).contains(bytes[index + 3])
      else { return index }
      let linear =
        ((Int(lead) - 0x81) * 10 + Int(second) - 0x30) * 1260 + (Int(bytes[index + 2]) - 0x81) * 10
        + Int(bytes[index + 3]) - 0x30
      // 0x8431A439 is U+FFFF; 0x90308130…0xE3329A35 are U+10000…U+10FFFF.
      guard linear <= 39_419 || (189_000...1_237_575).contains(linear) else { return index }
      index += 4
    }
    return firstUndecodableLine(bytes)
  }

  private static func firstUndecodableLine(_ bytes: [UInt8]) -> Int {
    var start = 0
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
      if String(data: Data(line), encoding: TextEncoding.foundationGB18030) == nil { return start }
      start += line.count + 1
    }
    return 0
  }

  /// The bytes of `text` in `encoding` (UTF-8 with a BOM when `bom`).
  public static func encode(_ text: String, as encoding: TextEncoding, bom: Bool = false) throws -> [UInt8] {
    switch encoding {
    case .utf8: return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    case .gb18030:
      guard let data = text.data(using: TextEncoding.foundationGB18030) else {
        throw StoreError("the text cannot be written as GB18030")
      }
      return Array(data)
    }
  }
}

/// Bytes that are not text in an encoding: the line and offset of the first bad byte, and what it is not.
public struct UndecodableText: Error, Sendable, Hashable, CustomStringConvertible {
  /// The line the bad byte is on (1 is the first).
  public var line: Int
  /// The offset of the bad byte in the file, counted from 0 (a byte order mark included).
  public var offset: Int
  /// The bad byte.
  public var byte: UInt8
  /// What is wrong and what was expected, without the line (`byte 0xFF at offset 812 is not UTF-8; …`).
  public var message = ""

  /// `line 5: byte 0xFF at offset 812 is not UTF-8; …`.
  public var description: String { "line \(line): \(message)" }

  /// The bad byte at `offset` of `body`, a byte order mark of `bom` bytes before it in the file.
  init(_ body: [UInt8], _ offset: Int, _ bom: Int) {
    line = UndecodableText.line(of: offset, in: body)
    self.offset = bom + offset
    byte = offset < body.count ? body[offset] : 0
  }

  /// The line of the byte at `offset`, counting line ends as the CSV reader does: LF, CRLF, or a CR alone.
  private static func line(of offset: Int, in body: [UInt8]) -> Int {
    var line = 1
    for index in 0..<min(offset, body.count) {
      let byte = body[index]
      if byte == 0x0A || (byte == 0x0D && (index + 1 == body.count || body[index + 1] != 0x0A)) { line += 1 }
    }
    return line
  }

  /// `line 2, offset 40`: where the byte is, for naming it beside another.
  var place: String { "line \(line), offset \(offset)" }

  /// This error with the message `byte 0xFF at offset 812 <what>`.
  func saying(_ what: String) -> UndecodableText {
    var error = self
    error.message = "byte " + String(format: "0x%02X", byte) + " at offset \(offset) \(what)"
    return error
  }
}
