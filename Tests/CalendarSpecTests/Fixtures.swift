import Foundation
import Testing

/// One recorded `systemd-analyze calendar` answer: an expression, the display zone and base time.
struct ElapseCase: Decodable, Sendable, CustomTestStringConvertible {
  let expression: String
  let zone: String
  let base: Int
  let baseWall: String
  let normalized: String
  let elapses: [Int]

  var testDescription: String { "'\(expression)' in \(zone) after \(baseWall)" }
}

/// A fall-back case where CalendarSpec deliberately differs from systemd.
struct RepeatedHourCase: Decodable, Sendable, CustomTestStringConvertible {
  let expression: String
  let zone: String
  let base: Int
  let baseWall: String
  let expected: [Int]
  let systemd: [Int]

  var testDescription: String { "'\(expression)' in \(zone) after \(baseWall)" }
}

/// An expression systemd rejects.
struct InvalidCase: Decodable, Sendable, CustomTestStringConvertible {
  let expression: String
  let systemd: String

  var testDescription: String { "'\(expression)'" }
}

/// The recorded fixtures in `Fixtures/` (regenerate with scripts/record-calendar-fixtures.py).
enum Fixtures {
  private struct File<Case: Decodable>: Decodable {
    let cases: [Case]
  }

  static let elapses: [ElapseCase] = load("systemd-elapses")
  static let repeatedHour: [RepeatedHourCase] = load("repeated-hour")
  static let invalid: [InvalidCase] = load("systemd-invalid")

  private static func load<Case: Decodable>(_ name: String) -> [Case] {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"),
      let data = try? Data(contentsOf: url)
    else { fatalError("missing fixture \(name).json") }
    return try! JSONDecoder().decode(File<Case>.self, from: data).cases
  }

  static func zone(_ name: String) -> TimeZone {
    name == "UTC" ? TimeZone(secondsFromGMT: 0)! : TimeZone(identifier: name)!
  }
}
