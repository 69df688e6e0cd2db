import Foundation

/// visitbench's command line: sizes, the rules folder, which parts to run.
struct BenchOptions {
  /// Households generated.
  var households = 1_000_000
  /// Projects they are spread over.
  var projects = 200
  /// Single events re-planned one by one for the incremental median.
  var events = 1_000
  /// Runs of each whole-process listing (their median is printed).
  var runs = 5
  /// The rules folder.
  var rules = "rules"
  /// The folder for the store benchmark's files (a temporary one when nil).
  var work: String?
  /// Whether to run the planner part.
  var planner = true
  /// Whether to run the store part.
  var store = true
  /// An existing database to run the feeds benchmark on (the ICS feed, the .xlsx register) instead.
  var feedsDatabase: String?

  static let usage = """
    usage: visitbench [--households N] [--projects P] [--events E] [--runs R] [--rules DIR] [--work DIR]
                      [--planner-only | --store-only | --feeds-db FILE]
    """

  /// Reads the arguments; throws a message for anything unknown.
  init(_ arguments: [String]) throws {
    var rest = arguments[...]
    while let flag = rest.popFirst() {
      switch flag {
      case "--households": households = try Self.number(flag, rest.popFirst())
      case "--projects": projects = try Self.number(flag, rest.popFirst())
      case "--events": events = try Self.number(flag, rest.popFirst())
      case "--runs": runs = try Self.number(flag, rest.popFirst())
      case "--rules": rules = try Self.text(flag, rest.popFirst())
      case "--work": work = try Self.text(flag, rest.popFirst())
      case "--planner-only": store = false
      case "--store-only": planner = false
      case "--feeds-db": feedsDatabase = try Self.text(flag, rest.popFirst())
      default: throw BenchError("unknown argument \(flag)\n\(Self.usage)")
      }
    }
  }

  private static func number(_ flag: String, _ value: String?) throws -> Int {
    guard let value, let number = Int(value.replacingOccurrences(of: "_", with: "")), number > 0 else {
      throw BenchError("\(flag) needs a positive number")
    }
    return number
  }

  private static func text(_ flag: String, _ value: String?) throws -> String {
    guard let value else { throw BenchError("\(flag) needs a value") }
    return value
  }
}

/// A failure visitbench reports and exits on.
struct BenchError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}
