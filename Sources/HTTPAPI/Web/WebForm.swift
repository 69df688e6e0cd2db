import Foundation
import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`): each field's first value by name.
struct WebForm: Sendable {
  /// The fields.
  let fields: [String: String]

  /// The field `name`, trimmed; nil when absent or blank.
  subscript(_ name: String) -> String? {
    let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines)
    return value?.isEmpty == false ? value : nil
  }

  /// The form `body` holds (`+` is a space, `%XX` a byte of UTF-8); a part that does not decode is kept as sent.
  init(body: String) {
    var fields: [String: String] = [:]
    for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let name = Self.decode(parts[0])
      if fields[name] == nil { fields[name] = parts.count > 1 ? Self.decode(parts[1]) : "" }
    }
    self.fields = fields
  }

  private static func decode(_ part: Substring) -> String {
    let spaced = part.replacingOccurrences(of: "+", with: " ")
    return spaced.removingPercentEncoding ?? spaced
  }

  /// The form posted with `request`, at most `limit` bytes.
  static func read(_ request: Request, limit: Int) async throws -> WebForm {
    let buffer = try await request.body.collect(upTo: limit)
    return WebForm(body: String(buffer: buffer))
  }
}
