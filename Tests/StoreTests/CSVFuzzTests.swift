import Foundation
import Planner
import Store
import StoreSQLite
import Testing

@testable import Operations

/// Mutated fact files (byte flips, stray quotes, commas, line breaks, NUL, escapes, over-long fields, invalid
/// UTF-8) never crash or hang the import, and every issue names its file, a line of the file and, when a field is
/// at fault, a column of the kind. Deterministic (seeded); `VISITD_FUZZ_ITERATIONS` sets the inputs per kind.
@Suite struct CSVFuzzTests {
  static let iterations = Int(ProcessInfo.processInfo.environment["VISITD_FUZZ_ITERATIONS"] ?? "") ?? 3_000

  /// How an issue without a column begins: the problems that belong to a whole row or file, not one field.
  static let rowLevelMessages = [
    "has ", "the row is ", "a quoted field is never closed", "an attempt (", "byte 0x", "the file is empty",
  ]

  static let goodRows: [FactFileKind: [String]] = [
    .projects: ["P3,锦绣华庭,Asia/Shanghai,S1", "P4,\"翠湖, 二期\",Asia/Urumqi,"],
    .stewards: ["S3,赵敏,zhaomin,ding-zm,fs-zm,zm@example.com", "S4,\"钱 \"\"小\"\" 多\",,,,"],
    .areas: ["A3,P1,1栋;2栋,S1,2025-01-01", "A3,P1,1栋;2栋,S2,2025-06-01 08:00"],
    .households: [
      Corpus.row(.households, Corpus.goodHousehold),
      Corpus.row(.households, Corpus.goodHousehold.merging(["household": "H3", "tags": "vip,老人"]) { $1 }),
    ],
    .visits: [
      Corpus.row(.visits, Corpus.goodVisit),
      Corpus.row(
        .visits,
        Corpus.goodVisit.merging(["visit": "V2", "feedback": "很好", "feedback-category": "保洁"]) { $1 }
      )
      .replacingOccurrences(of: "希望增加充电桩", with: "\"希望增加\n充电桩\"\"两个\"\"\""),
    ],
  ]

  /// Pieces inserted at random: separators, quotes, line breaks, NUL, terminal escapes, C1, invalid UTF-8.
  static let pieces: [[UInt8]] = [
    [0x22], [0x2C], [0x0A], [0x0D, 0x0A], [0x0D], [0x00], [0x1B, 0x5B, 0x32, 0x4A], [0xC2, 0x9B], [0x7F],
    [0x22, 0x22], [0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8], [0x80], [0x81, 0x30], [0x09],
    Array("=HYPERLINK(\"http://x\"&A1,\"x\")".utf8), Array("2099-01-01".utf8), Array(";".utf8),
  ]

  /// Runs of `H` and of `张` (UTF-8) to cut over-long fields from, made once.
  static let longRuns = (
    ascii: [UInt8](repeating: 0x48, count: 66_000),
    chinese: Array(String(repeating: "张", count: 22_000).utf8)
  )

  @Test(arguments: FactFileKind.allCases)
  func mutatedFilesNeverCrashHangOrGoUnplaced(kind: FactFileKind) {
    var random = SplitMix64(seed: 0x5EED_0000 + UInt64(FactFileKind.allCases.firstIndex(of: kind) ?? 0))
    let importer = FactImporter(kind: kind, fileName: kind.fileName, context: Self.context)
    let original =
      Array(
        ([Corpus.header(kind)] + (Self.goodRows[kind] ?? [])).joined(separator: "\n").utf8) + [0x0A]
    #expect(importer.read(bytes: original).issues.isEmpty, "the file every input starts from is good")
    let clock = ContinuousClock()
    var slowest = Duration.zero
    var hangs = 0
    var refused = 0
    var misplaced: [String] = []
    for _ in 0..<Self.iterations {
      var bytes = original
      for _ in 0..<random.below(4) + 1 { Self.mutate(&bytes, &random) }
      var outcome = ImportOutcome()
      let elapsed = clock.measure { outcome = importer.read(bytes: bytes) }
      slowest = max(slowest, elapsed)
      if !outcome.issues.isEmpty { refused += 1 }
      if elapsed >= .seconds(1) { hangs += 1 }
      if !outcome.issues.isEmpty, let problem = Self.problem(outcome.issues, kind: kind, bytes: bytes) {
        misplaced.append(problem)
      }
    }
    #expect(hangs == 0, "slowest input took \(slowest)")
    #expect(refused > 0 && refused < Self.iterations, "every input refused, or none: the mutations miss")
    #expect(misplaced.count == 0, "e.g. \(misplaced.prefix(3))")
    print(
      "CSV fuzz \(kind.fileName): \(Self.iterations) inputs, crashes 0, hangs \(hangs), \(refused) refused, slowest \(slowest)"
    )
  }

  static var context: ImportContext {
    var catalog = Catalog()
    catalog.add(Seed.batch)
    return ImportContext(catalog: catalog, now: Seed.instant("2026-11-01 12:00"))
  }

  static func mutate(_ bytes: inout [UInt8], _ random: inout SplitMix64) {
    let at = random.below(bytes.count + 1)
    switch random.below(7) {
    case 0: if at < bytes.count { bytes[at] ^= UInt8(truncatingIfNeeded: random.below(255) + 1) }
    case 1, 2: bytes.insert(contentsOf: pieces[random.below(pieces.count)], at: at)
    case 3:
      let count = random.below(20) == 0 ? 16_000 + random.below(50_000) : 20 + random.below(2_500)
      let run = random.below(2) == 0 ? longRuns.ascii : longRuns.chinese
      bytes.insert(contentsOf: run[..<min(count, run.count)], at: at)
    case 4: bytes.removeSubrange(at..<min(bytes.count, at + random.below(12) + 1))
    case 5:
      let lineStart = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      let lineEnd = bytes[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
      bytes.append(contentsOf: bytes[lineStart..<lineEnd])
    default:
      for _ in 0..<random.below(8) + 1 { bytes.insert(UInt8(truncatingIfNeeded: random.below(256)), at: at) }
    }
  }

  /// What is wrong with the issues of `bytes`, nil when each names the file, a line of it, a column of the kind
  /// (or is a row-level problem), and says something short with no control character in it.
  static func problem(_ issues: [ImportIssue], kind: FactFileKind, bytes: [UInt8]) -> String? {
    let lines = bytes.count { $0 == 0x0A || $0 == 0x0D } + 1
    let columns = Set(kind.columns.map(\.display))
    for issue in issues {
      let message = issue.message
      let controls = message.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
      let placed =
        issue.file == kind.fileName && (1...lines).contains(issue.line)
        && (issue.column.map(columns.contains)
          ?? (issue.line == 1 || rowLevelMessages.contains { message.hasPrefix($0) }))
      if !placed || controls || message.isEmpty || message.utf8.count > 2_500 {
        return String(issue.description.prefix(300)) + " (\(bytes.count) bytes)"
      }
    }
    return nil
  }
}
