import Foundation
import Store
import StoreSQLite
import Testing

/// The daemon as systemd sees it: real processes, a notify socket the test owns.
@Suite(.serialized) struct DaemonLifecycleTests {
  @Test func readyComesOnceThePlanIsCurrentAndStatusSaysWhatIsDue() async throws {
    let daemon = try DaemonProcess()
    try daemon.start(environment: ["WATCHDOG_USEC": "1000000"])
    let ready = try #require(try await daemon.waitReady())
    #expect(daemon.log.contains("plan current: 600 households"))
    // What comes next is a schedule's name or "task windows", whichever is due first at the clock.
    let status = /STATUS=\d+ open, \d+ overdue; next: [a-z][a-z -]* \d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d/
    #expect(ready.contains(status))
    #expect(try await daemon.waitFor(timeout: 3) { $0 == "WATCHDOG=1" } != nil)
    daemon.signal(SIGTERM)
    #expect(daemon.notify.waitFor { $0.hasPrefix("STOPPING=1") } != nil)
    #expect(try await daemon.waitExit() == 0)
  }

  @Test func sighupWithABrokenRuleFileKeepsTheOldRules() async throws {
    let daemon = try DaemonProcess()
    try daemon.start()
    _ = try #require(try await daemon.waitReady())
    let broken = "\(daemon.rules)/vacant-quarterly.toml"
    let original = try String(contentsOfFile: broken, encoding: .utf8)
    try original.replacingOccurrences(of: "1 per quarter", with: "1 per fortnight")
      .write(toFile: broken, atomically: true, encoding: .utf8)
    daemon.signal(SIGHUP)
    #expect(daemon.notify.waitFor { $0.hasPrefix("RELOADING=1") } != nil)
    let refused = try #require(try await daemon.waitReady())
    #expect(refused.contains("rules invalid"))
    #expect(daemon.log.contains("vacant-quarterly.toml:"))
    #expect(daemon.log.contains("unknown period 'fortnight'"))
    try original.write(toFile: broken, atomically: true, encoding: .utf8)
    daemon.signal(SIGHUP)
    let accepted = try #require(try await daemon.waitReady())
    #expect(!accepted.contains("rules invalid"))
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0)
  }

  @Test func aDatabaseThatCannotBeOpenedIsTriedAgainAndSigtermStillStopsIt() async throws {
    let daemon = try DaemonProcess()
    try FileManager.default.createDirectory(atPath: daemon.database, withIntermediateDirectories: false)
    try daemon.start(environment: ["WATCHDOG_USEC": "2000000"])
    let waiting = try #require(try await daemon.waitReady())
    #expect(waiting.contains("not started: cannot open the database \(daemon.database)"), "\(waiting)")
    #expect(waiting.contains("attempt 2 in 5 s"))
    #expect(
      try await daemon.waitFor(timeout: 3) { $0 == "WATCHDOG=1" } != nil, "the watchdog is fed meanwhile")
    #expect(daemon.process.isRunning)
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit(timeout: 10) == 0)
    #expect(daemon.log.contains("stopped before the database opened"))
  }
}
