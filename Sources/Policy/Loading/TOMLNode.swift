import CalendarSpec
import TOMLKit

/// Why a text is not TOML, and on which line when the parser says.
struct TOMLSyntaxError: Error {
  /// The parser's description.
  let description: String
  /// The 1-based line, when known.
  let line: Int?
}

/// A parsed TOML value, copied out of TOMLKit into plain Swift values.
indirect enum TOMLNode: Sendable {
  case string(String)
  case int(Int)
  case double(Double)
  case bool(Bool)
  case date(LocalDate)
  case array([TOMLNode])
  case table([String: TOMLNode])
  case other(String)

  /// Parses a TOML document into its root table.
  /// Parses a TOML document into its root table; callers keep `text` within `RuleFileLimits` first,
  /// because the parser recurses once per nesting level.
  static func parse(_ text: String) throws(TOMLSyntaxError) -> [String: TOMLNode] {
    do {
      return convert(table: try TOMLTable(string: text))
    } catch let error as TOMLParseError {
      throw TOMLSyntaxError(description: error.description, line: error.source.begin.line)
    } catch {
      // TOMLKit documents only TOMLParseError; anything else is still a file that did not parse.
      throw TOMLSyntaxError(description: "\(error)", line: nil)
    }
  }

  /// The kind of value, as messages name it (`a string`, `an array`).
  var kind: String {
    switch self {
    case .string: return "a string"
    case .int: return "an integer"
    case .double: return "a number"
    case .bool: return "a boolean"
    case .date: return "a date"
    case .array: return "an array"
    case .table: return "a table"
    case .other(let name): return "a \(name)"
    }
  }

  private static func convert(table: TOMLTable) -> [String: TOMLNode] {
    var result: [String: TOMLNode] = [:]
    for (key, value) in table { result[key] = convert(value) }
    return result
  }

  private static func convert(_ value: TOMLValueConvertible) -> TOMLNode {
    switch value.type {
    case .string: return .string(value.string ?? "")
    case .int: return .int(value.int ?? 0)
    case .double: return .double(value.double ?? 0)
    case .bool: return .bool(value.bool ?? false)
    case .date: return date(value.date)
    case .array: return .array(value.array.map { $0.map(convert) } ?? [])
    case .table: return .table(value.table.map(convert(table:)) ?? [:])
    default: return .other(value.type.description)
    }
  }

  private static func date(_ value: TOMLDate?) -> TOMLNode {
    guard let value, let date = LocalDate(year: value.year, month: value.month, day: value.day) else {
      return .other("date")
    }
    return .date(date)
  }
}
