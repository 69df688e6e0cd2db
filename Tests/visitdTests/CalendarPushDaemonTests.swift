import Foundation
import TestSupport
import Testing

/// The daemon with a `wecom-calendar` receiver: each daily digest's run also queues every steward's planned
/// week for their WeCom calendar, keyed by task and revision, so a second run queues nothing new.
@Suite(.serialized) struct CalendarPushDaemonTests {

  /// The outbox keys starting `wecal:`.
  private func calendarKeys(_ daemon: DaemonProcess) async throws -> [String] {
    let listing = try await daemon.visitctl(["outbox", "list", "--json", "--limit", "100000"])
    let rows = (try? JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]]) ?? []
    return rows.compactMap { $0["key"] as? String }.filter { $0.hasPrefix("wecal:") }
  }

  private func runs(in log: String) -> Int { log.components(separatedBy: "schedule ran").count - 1 }

  @Test func aDigestRunQueuesEachStewardsWeekOnceForTheirCalendar() async throws {
    let daemon = try DaemonProcess(schedules: ScheduleFixtures.digestEveryTwoSeconds)
    let secret = "\(daemon.folder)/wecal-secret"
    try Data("cal-secret".utf8).write(to: URL(fileURLWithPath: secret))
    chmod(secret, 0o600)
    let config = "\(daemon.folder)/visitd.toml"
    // Nothing listens on port 1: the entries stay queued, which is all this test reads (a short timeout keeps
    // the refused attempts from holding the loop up).
    try """
    [delivery]
    timeout = "1s"

    [receiver.wecal]
    type = "wecom-calendar"
    base_url = "http://127.0.0.1:1"
    corp_id = "ww1"
    agent_id = 1000003
    secret = { file = "\(secret)" }
    """.write(toFile: config, atomically: true, encoding: .utf8)
    try daemon.start(arguments: ["--delivery-config", config])
    _ = try #require(try await daemon.waitReady())
    let deadline = Date().addingTimeInterval(60)
    while runs(in: daemon.log) < 2 && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
    #expect(runs(in: daemon.log) >= 2, "\(daemon.log.suffix(2000))")
    let first = try await calendarKeys(daemon)
    #expect(!first.isEmpty, "the demo's stewards have WeCom ids and planned visits")
    #expect(Set(first).count == first.count)
    let before = runs(in: daemon.log)
    while runs(in: daemon.log) < before + 1 && Date() < deadline {
      try await Task.sleep(for: .milliseconds(100))
    }
    #expect(Set(try await calendarKeys(daemon)) == Set(first), "an unchanged plan queues nothing more")
    daemon.signal(SIGTERM)
    // A delivery pass in flight (entries refused by port 1) is finished first: on a loaded machine that
    // takes a while.
    #expect(try await daemon.waitExit(timeout: 90) == 0)
  }
}
