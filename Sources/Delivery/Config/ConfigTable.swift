import Foundation

/// A table being read, which names the file and the dotted key in every error.
struct ConfigTable {
  let file: String
  let path: String
  let values: [String: ConfigValue]

  func error(_ key: String, _ problem: String) -> DeliveryError {
    DeliveryError("\(file): \(qualified(key)): \(problem)")
  }

  func qualified(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  func string(_ key: String) throws -> String? {
    switch values[key] {
    case nil: return nil
    case .string(let text): return text
    default: throw error(key, "expected a string")
    }
  }

  func requiredString(_ key: String) throws -> String {
    guard let text = try string(key), !text.isEmpty else { throw error(key, "is required") }
    return text
  }

  func strings(_ key: String) throws -> [String]? {
    switch values[key] {
    case nil: return nil
    case .string(let text): return [text]
    case .array(let items):
      return try items.map {
        guard case .string(let text) = $0 else { throw error(key, "expected strings") }
        return text
      }
    default: throw error(key, "expected a string or an array of strings")
    }
  }

  func bool(_ key: String) throws -> Bool? {
    switch values[key] {
    case nil: return nil
    case .bool(let value): return value
    default: throw error(key, "expected true or false")
    }
  }

  func int(_ key: String) throws -> Int? {
    switch values[key] {
    case nil: return nil
    case .int(let value): return value
    default: throw error(key, "expected a whole number")
    }
  }

  func double(_ key: String) throws -> Double? {
    switch values[key] {
    case nil: return nil
    case .int(let value): return Double(value)
    case .double(let value): return value
    default: throw error(key, "expected a number")
    }
  }

  /// Seconds, written as a number or as `30s`, `10min`, `6h`, `2d`.
  func duration(_ key: String) throws -> TimeInterval? {
    switch values[key] {
    case nil: return nil
    case .int(let value): return Double(value)
    case .double(let value): return value
    case .string(let text):
      guard let seconds = Self.seconds(text) else {
        throw error(key, "'\(text)' is not a duration; write e.g. 30s, 10min, 6h or 2d")
      }
      return seconds
    default: throw error(key, "expected a duration such as 30s, 10min, 6h or 2d")
    }
  }

  func table(_ key: String) throws -> ConfigTable? {
    switch values[key] {
    case nil: return nil
    case .table(let values): return ConfigTable(file: file, path: qualified(key), values: values)
    default: throw error(key, "expected a table")
    }
  }

  func tables(_ key: String) throws -> [ConfigTable] {
    switch values[key] {
    case nil: return []
    case .array(let items):
      return try items.enumerated().map { index, item in
        guard case .table(let values) = item else { throw error(key, "expected [[\(key)]] tables") }
        return ConfigTable(file: file, path: "\(qualified(key))[\(index)]", values: values)
      }
    default: throw error(key, "expected [[\(key)]] tables")
    }
  }

  func rejectUnknown(_ known: Set<String>) throws {
    if let stray = values.keys.sorted().first(where: { !known.contains($0) }) {
      throw error(stray, "unknown key; known: \(known.sorted().joined(separator: ", "))")
    }
  }

  private static func seconds(_ text: String) -> TimeInterval? {
    let units: [(String, Double)] = [("min", 60), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)]
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    for (suffix, scale) in units where trimmed.hasSuffix(suffix) {
      if let number = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)) {
        return number * scale
      }
    }
    return Double(trimmed)
  }
}
