import Foundation

/// A list of texts as the JSON array `json_each(?)` reads.
enum JSONList {
  /// `["a","b"]`, each text escaped as JSON (quotes, backslashes and control characters).
  static func text(_ values: [String]) -> String {
    var json = "["
    for (index, value) in values.enumerated() {
      if index > 0 { json += "," }
      json += "\""
      // Codes are plain text: copied whole unless a byte needs escaping.
      if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        json += value
        json += "\""
        continue
      }
      for scalar in value.unicodeScalars {
        switch scalar {
        case "\"": json += "\\\""
        case "\\": json += "\\\\"
        case _ where scalar.value < 0x20: json += String(format: "\\u%04x", scalar.value)
        default: json.unicodeScalars.append(scalar)
        }
      }
      json += "\""
    }
    return json + "]"
  }
}
