import Foundation
import Testing

/// The daemon the API tests share, and the demo facts they act on.
enum DemoDaemon {
  /// One daemon for the suite: starting one plans the demo facts, which takes seconds.
  static let daemon = Result { try APIDaemon() }

  /// The demo facts the tests act on: two stewards of different projects, a household of each.
  struct Cast: Sendable {
    let steward: String
    let household: String
    let project: String
    let otherSteward: String
    let otherHousehold: String
    let otherProject: String
  }

  static func started(_ started: Result<APIDaemon, any Error> = daemon) async throws -> (APIDaemon, Cast) {
    let daemon = try started.get()
    // The first connection starts the daemon (socket activation); the request waits in the backlog meanwhile.
    let contract = try await daemon.request(.GET, "/openapi.yaml")
    #expect(contract.status == 200, "\(daemon.log)")
    let listing = try await daemon.visitctl(["tasks", "--state", "open", "--json"])
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]])
    let tasks = rows.compactMap { $0["task"] as? [String: Any] }
    let first = try #require(tasks.first)
    let other = try #require(tasks.first { ($0["project"] as? String) != (first["project"] as? String) })
    return (
      daemon,
      Cast(
        steward: first["assignee"] as? String ?? "", household: first["household"] as? String ?? "",
        project: first["project"] as? String ?? "", otherSteward: other["assignee"] as? String ?? "",
        otherHousehold: other["household"] as? String ?? "", otherProject: other["project"] as? String ?? "")
    )
  }

  /// A local time `minutesAgo` before now in the demo's zone, as the register writes it.
  static func localTime(minutesAgo: Int) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    return formatter.string(from: Date().addingTimeInterval(Double(-60 * minutesAgo)))
  }
}
