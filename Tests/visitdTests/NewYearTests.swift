import CalendarSpec
import Foundation
import Logging
import Store
import StoreSQLite
import Testing

@testable import visitd

/// Debian's libfaketime, which shifts the wall clock of the daemon alone (the multi-threaded build, as the
/// daemon sleeps and pings on threads of its own).
private let libfaketime = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"
private let fakeClockLauncher = "/usr/bin/env"

/// The environment that starts a daemon's wall clock at `start`, a local time in Shanghai (the shipped rules'
/// zone), ticking at the real rate; the monotonic clock stays real. libfaketime also shifts an absolute
/// `CLOCK_REALTIME` timerfd deadline, so the daemon sleeps until the fake midnight as it would until a real one.
///
/// The daemon is started through `env` (see `fakeClockLauncher`): a process that loads libfaketime without
/// `FAKETIME_SHARED` in its environment creates its shared memory and `setenv`s it, which moves `environ`
/// before the Swift runtime finds `argv` through it, and `CommandLine.arguments` comes out empty
/// (swiftlang/swift#76080). `env` does that `setenv` and then execs the daemon, which inherits the variable.
private func fakeClock(_ start: String) -> [String: String] {
  [
    "LD_PRELOAD": libfaketime, "FAKETIME": "@\(start)", "TZ": "Asia/Shanghai",
    "FAKETIME_DONT_FAKE_MONOTONIC": "1",
  ]
}

/// The daemon passes New Year's night alone: it plans the new year, closes last year's quotas, and sends
/// nothing twice, also when it restarts on the morning of 1 January.
@Suite(.serialized)
struct NewYearTests {
  @Test(.enabled(if: FileManager.default.fileExists(atPath: libfaketime), "needs Debian's libfaketime"))
  func theDaemonPlansTheNewYearAtMidnightAndSendsTheJanuaryRankingOnceAcrossRestarts() async throws {
    let daemon = try DaemonProcess()
    // The demo facts are loaded and planned for 2026 at noon, so that the night's run starts quickly.
    try await run(daemon, from: "2026-12-31 12:00:00") {}
    let store = try SQLiteStore(path: daemon.database)
    let stamp = try store.planStamp()
    #expect(stamp.year == 2026, "\(stamp) \(daemon.log)")
    let owed2026 = try unsettledQuotaTasks(ending: 2026, store)
    #expect(owed2026 > 0, "the demo should leave some 2026 quota unsettled")

    try await run(daemon, from: "2026-12-31 23:59:45") {
      #expect(try store.planStamp().year == 2026, "the daemon was ready after midnight: nothing crossed it")
      let planned = try await until(seconds: 45) { try store.planStamp().year == 2027 }
      #expect(planned, "no re-plan for 2027 after midnight")
    }
    #expect(try unsettledQuotaTasks(ending: 2026, store) == 0)
    #expect(try missedQuotaTasks(ending: 2026, store) >= owed2026)
    try expectEveryKeyOnce(store)
    #expect(try rankingRows(store) == 0, "the ranking is due at 09:00, not at midnight")

    // Down from just after midnight until 09:00:30: the 09:00 ranking for December runs once, late.
    try await run(daemon, from: "2027-01-01 09:00:30") {
      let ranked = try await until(seconds: 20) { try rankingRows(store) > 0 }
      #expect(ranked, "no ranking for December after a restart at 09:00:30")
    }
    let afterMorning = try store.outboxRows(state: nil, limit: 1_000_000).count
    // A second restart a few seconds later finds every run of the morning recorded and makes nothing.
    try await run(daemon, from: "2027-01-01 09:00:40") {}
    #expect(try store.outboxRows(state: nil, limit: 1_000_000).count == afterMorning)
    #expect(try rankingRows(store) == 1)
    try expectEveryKeyOnce(store)
  }

  @Test func anIdleDaemonWakesAtTheFirstInstantOfTheNewYearEvenWithNothingElseDue() throws {
    let settings = DaemonSettings(
      rulesDirectories: [DaemonProcess.shippedRules], databasePath: "unused.sqlite",
      controlSocket: "unused.sock", demoIfEmpty: false, deliveryConfig: nil, environment: [:], node: "test")
    let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
    let evening = try #require(LocalDate(parsing: "2026-12-31")).instant(hour: 20, minute: 0, in: shanghai)
    // No facts, so no task window changes; the next schedule is the ranking at 09:00 on 1 January.
    let store = try SQLiteStore()
    let core = try DaemonCore.start(
      store: store, settings: settings,
      leadership: Leadership(store: store, node: "test", logger: Logger(label: "test")),
      logger: Logger(label: "test"), now: evening)
    let next = try #require(core.nextInstant(after: evening))
    #expect(next.at == (try #require(LocalDate(parsing: "2027-01-01"))).startInstant(in: shanghai))
  }

  /// Runs the daemon with its clock starting at `start` (Shanghai): waits for READY and its first pass of the
  /// loop (which runs what is due), does `during`, then stops it with SIGTERM.
  private func run(_ daemon: DaemonProcess, from start: String, during: () async throws -> Void)
    async throws
  {
    try daemon.start(environment: fakeClock(start), launcher: fakeClockLauncher)
    // libfaketime names its shared memory after the process that made it (`env`, which became the daemon) and
    // leaves it behind.
    let pid = daemon.process.processIdentifier
    defer { for name in ["faketime_shm_\(pid)", "sem.faketime_sem_\(pid)"] { unlink("/dev/shm/\(name)") } }
    _ = try #require(try await daemon.waitReady(), "no READY; log:\n\(daemon.log)")
    // The loop says STATUS= after each pass, once the due schedules have run and been stored.
    _ = try #require(try await daemon.waitFor { $0.hasPrefix("STATUS=") }, "no pass; log:\n\(daemon.log)")
    try await during()
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0, "log:\n\(daemon.log)")
  }

  /// Waits until `condition` holds, checking every 100 ms for at most `seconds`; returns whether it held.
  private func until(seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      try await Task.sleep(for: .milliseconds(100))
    }
    return try condition()
  }

  private func unsettledQuotaTasks(ending year: Int, _ store: SQLiteStore) throws -> Int {
    try store.tasks(household: nil).count { $0.periodEnd?.year == year && !$0.state.isSettled }
  }

  private func missedQuotaTasks(ending year: Int, _ store: SQLiteStore) throws -> Int {
    try store.tasks(household: nil).count { $0.periodEnd?.year == year && $0.state == .missed }
  }

  private func rankingRows(_ store: SQLiteStore) throws -> Int {
    try store.outboxRows(state: nil, limit: 1_000_000).count { $0.key == "ranking:2026-12" }
  }

  private func expectEveryKeyOnce(_ store: SQLiteStore) throws {
    let keys = try store.outboxRows(state: nil, limit: 1_000_000).map(\.key)
    let twice = Dictionary(grouping: keys, by: { $0 }).filter { $0.value.count > 1 }.keys
    #expect(twice.isEmpty, "enqueued more than once: \(twice.sorted())")
  }
}
