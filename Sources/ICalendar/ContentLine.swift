/// RFC 5545 content lines: TEXT escaping and folding at 75 octets.
public enum ContentLine {
  /// The longest a physical line may be, in octets, its CRLF not counted (RFC 5545 §3.1).
  public static let maxOctets = 75

  /// `line` folded so that no physical line exceeds 75 octets of UTF-8, each break a CRLF followed by one
  /// space (which counts towards the next line's 75), breaking only between Unicode scalars so that no
  /// multi-byte character is split; the result ends with CRLF.
  public static func folded(_ line: String) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(line.utf8.count + line.utf8.count / 70 * 3 + 2)
    var used = 0
    for scalar in line.unicodeScalars {
      let width = UTF8.width(scalar)
      if used + width > maxOctets {
        out.append(contentsOf: [0x0D, 0x0A, 0x20])
        used = 1
      }
      UTF8.encode(scalar) { out.append($0) }
      used += width
    }
    out.append(contentsOf: [0x0D, 0x0A])
    return out
  }

  /// `text` as a TEXT value: backslash, semicolon and comma escaped, a line break written `\n`, other control
  /// characters dropped (RFC 5545 §3.3.11).
  public static func text(_ text: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    var previousWasCR = false
    for scalar in text.unicodeScalars {
      defer { previousWasCR = scalar == "\r" }
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\r": out += "\\n"
      case "\n": if !previousWasCR { out += "\\n" }
      case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value): continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
