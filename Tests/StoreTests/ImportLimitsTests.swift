import Foundation
import Planner
import Store
import StoreSQLite
import Testing

@testable import Operations

/// Hostile cells: control characters that would be stored or reach a terminal, and values too long to be real.
@Suite struct ImportLimitsTests {
  /// A file of `kind` with the good row changed by `changes`, every cell quoted as the writer would.
  static func file(_ kind: FactFileKind, _ changes: [String: String]) -> [UInt8] {
    let good = kind == .households ? Corpus.goodHousehold : Corpus.goodVisit
    var writer = CSVWriter.verbatim()
    writer.write(kind.columns.map(\.chinese))
    writer.write(kind.columns.map { changes[$0.key] ?? good[$0.key] ?? "" })
    return writer.bytes
  }

  static func read(_ kind: FactFileKind, _ bytes: [UInt8]) -> ImportOutcome {
    var catalog = Catalog()
    catalog.add(Seed.batch)
    let context = ImportContext(catalog: catalog, now: Seed.instant("2026-11-01 12:00"))
    return FactImporter(kind: kind, fileName: kind.fileName, context: context).read(bytes: bytes)
  }

  struct Hostile: Sendable, CustomTestStringConvertible {
    let name: String
    let kind: FactFileKind
    let changes: [String: String]
    let expected: String
    var testDescription: String { name }
  }

  static let hostile = [
    Hostile(
      name: "NUL in a household code", kind: .households, changes: ["household": "H\u{0}2"],
      expected:
        "households.csv:2: column 户号 (household): holds the control character U+0000 at byte 2; a code cannot hold control characters"
    ),
    Hostile(
      name: "terminal escape in an owner's name", kind: .households, changes: ["owner-name": "张\u{1B}[2J伟"],
      expected:
        "households.csv:2: column 业主姓名 (owner-name): holds the control character U+001B at byte 4; a name cannot hold control characters"
    ),
    Hostile(
      name: "C1 control (CSI) in a building", kind: .households, changes: ["building": "1\u{9B}31m栋"],
      expected:
        "households.csv:2: column 楼栋 (building): holds the control character U+009B at byte 2; a name cannot hold control characters"
    ),
    Hostile(
      name: "line break inside a room", kind: .households, changes: ["room": "10\n1"],
      expected:
        "households.csv:2: column 房号 (room): holds the control character U+000A at byte 3; a name cannot hold control characters"
    ),
    Hostile(
      name: "DEL in a tag list", kind: .households, changes: ["tags": "vip;\u{7F}"],
      expected:
        "households.csv:2: column 标签 (tags): holds the control character U+007F at byte 5; a list cannot hold control characters"
    ),
    Hostile(
      name: "terminal escape in a need", kind: .visits, changes: ["needs": "充电桩\u{1B}]0;pwned\u{7}"],
      expected:
        "visits.csv:2: column 需求 (needs): holds the control character U+001B at byte 10; free text cannot hold control characters other than tabs and line breaks"
    ),
    Hostile(
      name: "65-byte household code", kind: .households,
      changes: ["household": String(repeating: "H", count: 65)],
      expected: "households.csv:2: column 户号 (household): is 65 bytes long; a code is at most 64 bytes"),
    Hostile(
      name: "101-byte owner name", kind: .households,
      changes: ["owner-name": "张" + String(repeating: "x", count: 98)],
      expected: "households.csv:2: column 业主姓名 (owner-name): is 101 bytes long; a name is at most 100 bytes"),
    Hostile(
      name: "2,001-byte need", kind: .visits, changes: ["needs": String(repeating: "n", count: 2_001)],
      expected: "visits.csv:2: column 需求 (needs): is 2001 bytes long; free text is at most 2000 bytes"),
  ]

  @Test(arguments: hostile)
  func hostileCellIsRefusedNamingFileLineColumnAndLimit(_ hostile: Hostile) {
    let outcome = Self.read(hostile.kind, Self.file(hostile.kind, hostile.changes))
    #expect(outcome.issues.map(\.description) == [hostile.expected])
    #expect(outcome.batch.isEmpty)
  }

  @Test func valuesAtTheLimitsAndLineBreaksInFreeTextAreImported() {
    let households = Self.read(
      .households,
      Self.file(
        .households,
        [
          "household": String(repeating: "H", count: 64),
          "owner-name": "张" + String(repeating: "x", count: 97),
        ]))
    #expect(households.issues.isEmpty && households.batch.households.count == 1, "\(households.issues)")
    let visits = Self.read(
      .visits, Self.file(.visits, ["needs": "第一行\r\n第二行\t" + String(repeating: "n", count: 1_900)]))
    #expect(visits.issues.isEmpty && visits.batch.visits.count == 1, "\(visits.issues)")
  }

  @Test func tabsAroundACodeAreTrimmedNotRefused() {
    let outcome = Self.read(.households, Self.file(.households, ["household": "\tH7 \t"]))
    #expect(outcome.issues.isEmpty && outcome.batch.households.first?.id == "H7", "\(outcome.issues)")
  }

  @Test func tenMegabyteFieldIsRefusedWithAShortMessage() {
    let bytes = Self.file(.households, ["household": String(repeating: "H", count: 10_000_000)])
    let size = bytes.count - (bytes.firstIndex(of: 0x0A) ?? 0) - 1
    let clock = ContinuousClock()
    var outcome = ImportOutcome()
    let elapsed = clock.measure { outcome = Self.read(.households, bytes) }
    #expect(
      outcome.issues.map(\.description) == [
        "households.csv:2: the row is \(size) bytes long; a row is at most 16384 bytes"
      ])
    #expect(elapsed < .seconds(5))
  }

  @Test func rowOfFieldsEachWithinItsLimitButTooLongTogetherIsRefusedWhole() {
    var changes: [String: String] = [:]
    for column in FactFileKind.visits.columns {
      changes[column.key] = String(repeating: "x", count: column.content.maxBytes)
    }
    let bytes = Self.file(.visits, changes)
    let size = bytes.count - (bytes.firstIndex(of: 0x0A) ?? 0) - 1
    #expect(size > FactFileKind.maxRowBytes)
    let outcome = Self.read(.visits, bytes)
    #expect(
      outcome.issues.map(\.description) == [
        "visits.csv:2: the row is \(size) bytes long; a row is at most 16384 bytes"
      ])
  }

  @Test func hostileHeaderNameIsShownEscapedAndCut() {
    let bytes = Array(("户号,\u{1B}[31m" + String(repeating: "红", count: 100) + "\nH2\n").utf8)
    let outcome = Self.read(.households, bytes)
    let message = outcome.issues.first { $0.column == nil }?.message ?? ""
    #expect(message.hasPrefix("'\\u{1B}[31m红红"))
    #expect(!message.unicodeScalars.contains { $0.value < 0x20 })
    #expect(message.utf8.count < 400)
  }
}
