import Foundation

/// Encodes request bodies deterministically (sorted keys, slashes unescaped), so tests can compare bytes.
enum JSONBody {
  /// `value` as JSON bytes.
  static func encode(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(value)) ?? Data("{}".utf8)
  }
}
