import Foundation
import TestSupport
import Testing

/// The daemon of the feed and spreadsheet suites: their own, so that no other suite's visit moves the plan
/// between two fetches that must agree.
enum FeedsDaemon {
  static let daemon = Result { try APIDaemon() }
}

/// A steward's calendar feed fetched over HTTP from a running daemon: valid iCalendar (checked with the
/// `icalendar` package), cached with ETags, opened by its secret only while the secret is valid.
@Suite(.serialized)
struct CalendarFeedAPITests {
  /// What `scripts/ics-check.py` says of a feed.
  struct Checked: Decodable {
    let events: Int
    let uids: [String]
    let timed: [String]
    let zones: [String]
    let sequences: [Int]
    let summaries: [String]
  }

  static func check(_ body: Data, in daemon: APIDaemon) async throws -> Checked {
    let file = "\(daemon.folder)/feed-\(UUID().uuidString).ics"
    try body.write(to: URL(fileURLWithPath: file))
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../scripts/ics-check.py").standardized.path
    let folder = daemon.folder
    let run = try await offPool { try ToolRun.run("/usr/bin/env", ["python3", script, file], in: folder) }
    try #require(run.status == 0, "ics-check.py: \(String(decoding: run.errors, as: UTF8.self))")
    return try JSONDecoder().decode(Checked.self, from: run.output)
  }

  @Test(
    "a steward's feed is valid iCalendar: in-home visits in the visiting window, owners masked, stable UIDs")
  func feedIsValid() async throws {
    let (daemon, cast) = try await DemoDaemon.started(FeedsDaemon.daemon)
    let secret = try await daemon.token(["--calendar", cast.steward])
    let answer = try await daemon.request(.GET, "/calendar/\(secret).ics")
    #expect(answer.status == 200, "\(answer.text)")
    #expect(answer.headers.first(name: "Content-Type") == "text/calendar; charset=utf-8")
    let checked = try await Self.check(answer.body, in: daemon)
    #expect(checked.events > 0)
    #expect(checked.zones == ["Asia/Shanghai"])
    #expect(checked.timed.allSatisfy { $0 == "17:30-19:30" }, "\(checked.timed)")
    #expect(checked.uids.allSatisfy { $0.hasSuffix("@visitd") })
    // No full phone number anywhere: owners are masked as in every listing.
    #expect(answer.text.range(of: #"1[3-9][0-9]{9}"#, options: .regularExpression) == nil)
    // Fetched again: the same events under the same UIDs, none moved.
    let again = try await Self.check(
      try await daemon.request(.GET, "/calendar/\(secret).ics").body, in: daemon)
    #expect(again.uids == checked.uids)
    #expect(again.sequences == checked.sequences)
  }

  @Test("If-None-Match with the feed's ETag gets 304 and no body; another ETag gets the feed")
  func etag() async throws {
    let (daemon, cast) = try await DemoDaemon.started(FeedsDaemon.daemon)
    let secret = try await daemon.token(["--calendar", cast.steward])
    let first = try await daemon.request(.GET, "/calendar/\(secret).ics")
    let etag = try #require(first.headers.first(name: "ETag"))
    let cached = try await daemon.request(.GET, "/calendar/\(secret).ics", headers: [("If-None-Match", etag)])
    #expect(cached.status == 304)
    #expect(cached.body.isEmpty)
    #expect(cached.headers.first(name: "ETag") == etag)
    let stale = try await daemon.request(
      .GET, "/calendar/\(secret).ics", headers: [("If-None-Match", "\"0\"")])
    #expect(stale.status == 200)
    #expect(stale.body == first.body)
  }

  @Test(
    "a revoked secret, a bearer token's secret and a made-up one all get 404; the feed's secret is no bearer")
  func secrets() async throws {
    let (daemon, cast) = try await DemoDaemon.started(FeedsDaemon.daemon)
    let secret = try await daemon.token(["--calendar", cast.steward])
    #expect(try await daemon.request(.GET, "/calendar/\(secret).ics").status == 200)
    #expect(try await daemon.request(.GET, "/api/v1/me", token: secret).status == 401)
    let bearer = try await daemon.token(["--steward", cast.steward])
    #expect(try await daemon.request(.GET, "/calendar/\(bearer).ics").status == 404)
    #expect(try await daemon.request(.GET, "/calendar/vd_not-a-secret.ics").status == 404)
    #expect(try await daemon.request(.GET, "/calendar/\(secret)").status == 404)

    let listed = try await daemon.visitctl(["token", "list", "--json"])
    let tokens = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [[String: Any]])
    // The steward's valid calendar secrets (this one among them) are revoked.
    let ids = tokens.filter {
      $0["principal"] as? String == "calendar:\(cast.steward)" && $0["state"] as? String == "valid"
    }.compactMap { $0["id"] as? String }
    #expect(!ids.isEmpty)
    for id in ids { try await daemon.visitctl(["token", "revoke", id]) }
    #expect(try await daemon.request(.GET, "/calendar/\(secret).ics").status == 404)
  }
}
