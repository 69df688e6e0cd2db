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
  /// The text of `bytes` in `encoding`, or detected when nil; throws when they are not text in it.
  public static func decode(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> (String, TextEncoding)
  {
    let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
    if encoding != .gb18030, let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
    if encoding == .utf8 { throw StoreError("the file is not valid UTF-8; try --encoding gb18030") }
    guard let text = String(data: Data(body), encoding: TextEncoding.foundationGB18030) else {
      throw StoreError("the file is neither UTF-8 nor GB18030 text")
    }
    return (text, .gb18030)
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
