import Foundation
import Store
import Testing

private let everyTwoSeconds = """
  [[schedule]]
  id = "fast-digest"
  title = "every two seconds"
  calendar = "*:*:0/2"
  days = "all"
  audience = "steward"
  report = "daily-digest"
  """

/// Schedules fire on time, once, across crashes.
@Suite(.serialized) struct DaemonScheduleTests {
  private func runs(in log: String) -> Int { log.components(separatedBy: "schedule ran").count - 1 }

  /// The runs logged for elapses before `instant` (catch-up runs), leaving out ticks that came after it.
  private func runs(in log: String, scheduledBefore instant: Date) -> Int {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
    return log.split(separator: "\n").filter { line in
      guard line.contains("schedule ran"), let start = line.range(of: "scheduled-for=") else { return false }
      let stamp = String(line[start.upperBound...].prefix(25))
      return formatter.date(from: stamp).map { $0 < instant } ?? false
    }.count
  }

  @Test func aShortScheduleFiresAndMissedRunsRunOnceAfterRestart() async throws {
    let daemon = try DaemonProcess(schedules: everyTwoSeconds)
    try daemon.start()
    _ = try #require(try await daemon.waitReady())
    try await Task.sleep(for: .seconds(5))
    #expect(runs(in: daemon.log) >= 2)
    daemon.signal(SIGKILL)
    _ = try await daemon.waitExit()
    try await Task.sleep(for: .seconds(5))
    let restarted = Date()
    try daemon.start()
    _ = try #require(try await daemon.waitReady())
    try await Task.sleep(for: .seconds(1))
    // Two or three elapses were missed while it was down: one catch-up run, not one per tick.
    #expect(runs(in: daemon.log, scheduledBefore: restarted) == 1)
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0)
  }

  @Test func killNineInTheMiddleOfWorkLosesNothingAndSendsNothingTwice() async throws {
    let daemon = try DaemonProcess(schedules: everyTwoSeconds)
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
}
