import Foundation
import TOMLKit

/// A TOML value copied out of TOMLKit, with the dotted key it was read at (for errors).
indirect enum ConfigValue: Sendable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case array([ConfigValue])
  case table([String: ConfigValue])
  case other(String)

  /// Parses a document into its root table.
  static func parse(_ text: String) throws -> [String: ConfigValue] {
    convert(table: try TOMLTable(string: text))
  }

  /// The root table of the file at `path`, nil when there is no such file; errors name the file.
  static func load(path: String) throws -> [String: ConfigValue]? {
    guard FileManager.default.fileExists(atPath: path) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DeliveryError("\(path): cannot read")
    }
    do {
      return try parse(String(decoding: data, as: UTF8.self))
    } catch {
      throw DeliveryError("\(path): \(error)")
    }
  }

  private static func convert(table: TOMLTable) -> [String: ConfigValue] {
    var result: [String: ConfigValue] = [:]
    for (key, value) in table { result[key] = convert(value) }
    return result
  }

  private static func convert(_ value: TOMLValueConvertible) -> ConfigValue {
    switch value.type {
    case .string: return .string(value.string ?? "")
    case .int: return .int(value.int ?? 0)
    case .double: return .double(value.double ?? 0)
    case .bool: return .bool(value.bool ?? false)
    case .array: return .array(value.array.map { $0.map(convert) } ?? [])
    case .table: return .table(value.table.map(convert(table:)) ?? [:])
    default: return .other(value.type.description)
    }
  }
}
