import Foundation
import Testing

/// Changes made with `visitctl` reach the running daemon without a restart.
@Suite(.serialized) struct DaemonControlTests {
  private func openCount(_ status: String) -> Int? {
    (try? /STATUS=(\d+) open/.firstMatch(in: status)).flatMap { Int($0.1) }
  }

  private struct Listed: Decodable {
    struct Task: Decodable {
      let household: String
      let rule: String
      let assignee: String
    }
    let task: Task
  }

  @Test func aVisitRecordedWithVisitctlSettlesItsTaskInTheRunningDaemon() async throws {
    let daemon = try DaemonProcess()
    try daemon.start()
    let ready = try #require(try await daemon.waitReady())
    let before = try #require(openCount(ready))
    let listing = try await daemon.visitctl(["tasks", "--state", "open", "--stored", "--json"])
    let tasks = try JSONDecoder().decode([Listed].self, from: Data(listing.utf8))
    let task = try #require(tasks.first { $0.task.rule == "occupied-annual" }?.task)
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    let formatter = DateFormatter()
    formatter.timeZone = shanghai
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    let at = formatter.string(from: Date().addingTimeInterval(-120))
    _ = try await daemon.visitctl([
      "visit", "record", task.household, "--channel", "in-home", "--at", at, "--steward", task.assignee,
    ])
    let after = try await daemon.waitFor(timeout: 30) { message in
      openCount(message).map { $0 < before } ?? false
    }
    #expect(after != nil, "the daemon's STATUS never showed fewer than \(before) open tasks")
    daemon.signal(SIGTERM)
    #expect(try await daemon.waitExit() == 0)
  }
}
