import CalendarSpec
import Foundation
import GRDB
import Planner
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

/// Runs the built `visitctl`: SIGKILL during an import, and two writer processes at once.
@Suite(.serialized) struct ProcessTests {
  private static let households = 20_000

  /// A database holding the demo's projects, stewards and areas, and the demo's households file.
  private func prepare(_ folder: TempFolder) throws -> (database: String, households: String) {
    let files = DemoGenerator(
      projects: 4, households: ProcessTests.households, seed: 9,
      asOf: LocalDate(year: 2026, month: 10, day: 31)!
    ).generate()
    let base = folder.path + "/base.sqlite"
    for kind in [FactFileKind.projects, .stewards, .areas] {
      let file = folder.write(kind.fileName, files[kind] ?? [])
      #expect(try VisitCtl.run(["import", kind.rawValue, file, "--db", base]) == 0)
    }
    return (base, folder.write("households.csv", files[.households] ?? []))
  }

  @Test func killedImportLeavesAllOrNothing() throws {
    let folder = TempFolder()
    let (base, households) = try prepare(folder)
    let started = Date()
    let full = try copy(base, to: folder.path + "/timing.sqlite")
    #expect(try VisitCtl.run(["import", "households", households, "--db", full]) == 0)
    let duration = Date().timeIntervalSince(started)
    var random = SplitMix64(seed: 2026)
    var outcomes: [Int: Int] = [:]
    for round in 0..<20 {
      let database = try copy(base, to: folder.path + "/round\(round).sqlite")
      let process = try VisitCtl.start(["import", "households", households, "--db", database])
      usleep(UInt32((0.3 + Double(random.below(900)) / 1000) * duration * 1_000_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      let count = try check(database)
      outcomes[count, default: 0] += 1
    }
    #expect(Set(outcomes.keys).isSubset(of: [0, ProcessTests.households]), "\(outcomes)")
  }

  @Test func twoWriterProcessesLoseNoUpdate() throws {
    let folder = TempFolder()
    let (database, households) = try prepare(folder)
    #expect(try VisitCtl.run(["import", "households", households, "--db", database]) == 0)
    let writers = (0..<2).map { writer in
      let script = (0..<15).map { index in
        "\"\(VisitCtl.path)\" visit record P001-01-1-101 --db \"\(database)\" --channel phone --steward P001-S01 "
          + "--at '2026-03-10 \(8 + index):\(writer == 0 ? "00" : "30")' --needs 'n\(writer)-\(index)' --category parking || exit 1"
      }.joined(separator: "\n")
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", script]
      process.standardOutput = FileHandle.nullDevice
      return process
    }
    for writer in writers { try writer.run() }
    for writer in writers { writer.waitUntilExit() }
    #expect(writers.allSatisfy { $0.terminationStatus == 0 })
    let store = try SQLiteStore(path: database)
    #expect(try store.loadFacts().visits(of: "P001-01-1-101").count == 30)
    #expect(try store.rowCounts()["visit_feedback"] == 30)
  }

  private func copy(_ source: String, to target: String) throws -> String {
    try FileManager.default.copyItem(atPath: source, toPath: target)
    return target
  }

  /// Checks integrity and consistency; returns how many households the database holds.
  private func check(_ database: String) throws -> Int {
    let store = try SQLiteStore(path: database)
    #expect(try store.integrityProblems().isEmpty)
    let households = try store.rowCounts()["household"] ?? -1
    let withoutHistory = try store.pool.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM household WHERE states = '' OR grades = ''")
    }
    #expect(withoutHistory == 0, "every household is written with its histories")
    return households
  }
}
