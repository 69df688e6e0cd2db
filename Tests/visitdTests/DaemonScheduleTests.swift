import Foundation
import Store
import StoreSQLite
import TestSupport
import Testing

/// Schedules fire on time, once, across crashes.
@Suite(.serialized) struct DaemonScheduleTests {
  private func runs(in log: String) -> Int { log.components(separatedBy: "schedule ran").count - 1 }

  /// How many elapses each logged run stood for, in log order.
  private func elapses(in log: String) -> [Int] {
    log.split(separator: "\n").compactMap { line in
      guard line.contains("schedule ran"), let start = line.range(of: "elapses=") else { return nil }
      return Int(line[start.upperBound...].prefix { $0.isNumber })
    }
  }

  @Test func aShortScheduleFiresAndMissedRunsRunOnceAfterRestart() async throws {
    let daemon = try DaemonProcess(schedules: ScheduleFixtures.digestEveryTwoSeconds)
    try daemon.start()
    _ = try #require(try await daemon.waitReady())
    try await Task.sleep(for: .seconds(5))
    #expect(runs(in: daemon.log) >= 2)
    daemon.signal(SIGKILL)
    _ = try await daemon.waitExit()
    try await Task.sleep(for: .seconds(5))
    try daemon.start()
    _ = try #require(try await daemon.waitReady())
    // The catch-up comes in the first pass of the loop after READY; on a loaded machine that may take a while.
    let deadline = Date().addingTimeInterval(20)
    while runs(in: daemon.log) == 0 && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
    try await Task.sleep(for: .seconds(1))
    // Two or three elapses were missed while it was down: one catch-up run standing for all of them, not one
    // run per tick; the runs after it are on time.
    let after = elapses(in: daemon.log)
    #expect(after.first ?? 0 >= 2, "\(after)")
    #expect(after.dropFirst().allSatisfy { $0 == 1 }, "\(after)")
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0)
  }

  @Test func killNineInTheMiddleOfWorkLosesNothingAndSendsNothingTwice() async throws {
    let daemon = try DaemonProcess(schedules: ScheduleFixtures.digestEveryTwoSeconds)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      try daemon.start()
      _ = try await daemon.waitReady()
      try await Task.sleep(for: .seconds(Double.random(in: 0...1.5, using: &generator)))
      daemon.signal(SIGKILL)
      _ = try await daemon.waitExit()
    }
    let store = try SQLiteStore(path: daemon.database)
    #expect(try store.integrityProblems().isEmpty)
    let counts = try store.rowCounts()
    #expect(counts["household"] == 600)
    let rows = try store.outboxRows(state: nil, limit: 100_000)
    #expect(Set(rows.map(\.key)).count == rows.count)
    #expect(!rows.isEmpty)
  }

  @Test func aFullDiskHoldsSchedulesBackAndSaysSoInsteadOfEndingTheDaemon() async throws {
    let daemon = try DaemonProcess(schedules: ScheduleFixtures.digestEveryTwoSeconds)
    try daemon.start()
    _ = try #require(try await daemon.waitReady())
    _ = try await daemon.waitFor { $0.contains("STATUS=") && runs(in: daemon.log) > 0 }
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0)
    try daemon.start(fileSizeBlocks: 64)
    _ = try #require(try await daemon.waitReady())
    let failing = try await daemon.waitFor(timeout: 30) { $0.contains("storage failing") }
    #expect(failing != nil, "\(daemon.log)")
    #expect(daemon.process.isRunning)
    #expect(daemon.log.contains("could not be stored"))
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0)
  }
}
