import Foundation
import TestSupport
import Testing

/// The API's writes beyond visits: events, the ticket system's signed closings, waivers, steward assignments and
/// campaigns, on a daemon of their own (they change whose households are whose) configured with a ticket secret.
@Suite(.serialized)
struct WriteOperationsAPITests {
  static let secret = "ticket-secret-\(UUID().uuidString)"

  static let daemon = Result {
    try APIDaemon { folder in
      let secretPath = "\(folder)/ticket-hmac"
      try Data(WriteOperationsAPITests.secret.utf8).write(to: URL(fileURLWithPath: secretPath))
      chmod(secretPath, 0o600)
      let config = "\(folder)/visitd.toml"
      try "[http]\nticket_secret = { file = \"\(secretPath)\" }\n".write(
        toFile: config, atomically: true, encoding: .utf8)
      return ["--delivery-config", config]
    }
  }

  /// The rules of the tasks an answer lists under `key` (settled, opened).
  private func rules(_ answer: APIDaemon.Answer, _ key: String) -> [String] {
    ((answer.json[key] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String }
  }

  /// A household of `steward`'s open tasks that has no move-in-welcome task in any state.
  private func newcomer(of steward: String, in daemon: APIDaemon) async throws -> String {
    let listing = try await daemon.visitctl(["tasks", "--json"])
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]])
    let tasks = rows.compactMap { $0["task"] as? [String: Any] }
    let welcomed = Set(
      tasks.filter { $0["rule"] as? String == "move-in-welcome" }.compactMap { $0["household"] as? String })
    let candidate = tasks.first { task in
      task["assignee"] as? String == steward && task["state"] as? String == "open"
        && !welcomed.contains(task["household"] as? String ?? "")
    }
    return try #require(candidate?["household"] as? String, "a household of \(steward) without a move-in")
  }

  @Test("a household's steward records a move-in, which opens the welcome visit; a retry records nothing new")
  func events() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let steward = try await daemon.token(["--steward", cast.steward])
    // The welcome visit follows a household's first move-in in the horizon: take one of the steward's households
    // that has none yet (which the demo's households are depends on today's date).
    let household = try await newcomer(of: cast.steward, in: daemon)
    let event: [String: Any] = [
      "household": household, "change": ["event": "moved-in"],
      "at": DemoDaemon.localTime(minutesAgo: 60),
    ]
    let key = [("Idempotency-Key", "event-\(UUID())")]
    let first = try await daemon.post("/api/v1/events", token: steward, json: event, headers: key)
    #expect(first.status == 201, "\(first.text)")
    #expect(rules(first, "opened").contains("move-in-welcome"), "\(first.text)")
    let again = try await daemon.post("/api/v1/events", token: steward, json: event, headers: key)
    #expect(again.status == 201 && again.json["replayed"] as? Bool == true, "\(again.text)")
    let grade: [String: Any] = [
      "household": cast.household, "change": ["grade": "D"], "at": DemoDaemon.localTime(minutesAgo: 50),
    ]
    #expect(try await daemon.post("/api/v1/events", token: steward, json: grade).status == 201)
    let explained = try await daemon.request(
      .GET, "/api/v1/households/\(cast.household)/explain", token: steward)
    #expect((explained.json["status"] as? String)?.hasSuffix("grade D") == true, "\(explained.text)")
    var foreign = event
    foreign["household"] = cast.otherHousehold
    #expect(try await daemon.post("/api/v1/events", token: steward, json: foreign).status == 403)
    let lead = try await daemon.token(["--lead", cast.project])
    #expect(try await daemon.post("/api/v1/events", token: lead, json: event).status == 403)
    let crm = try await daemon.token(["--integration", "crm", "--scope", "events:write"])
    #expect(try await daemon.post("/api/v1/events", token: crm, json: grade).status == 201)
    var two = event
    two["change"] = ["state": "occupied", "grade": "A"]
    let ambiguous = try await daemon.post("/api/v1/events", token: crm, json: two)
    #expect(ambiguous.status == 422)
    #expect((ambiguous.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "change")
    var unknown = event
    unknown["household"] = "NO-SUCH"
    #expect(try await daemon.post("/api/v1/events", token: crm, json: unknown).status == 404)
  }

  /// `body` signed as the ticket system signs it, computed by openssl (not by visitd's own code).
  private func signature(_ body: Data, daemon: APIDaemon) async throws -> String {
    let file = "\(daemon.folder)/body-\(UUID().uuidString)"
    try body.write(to: URL(fileURLWithPath: file))
    let run = try await offPool {
      try ToolRun.run(
        "/usr/bin/openssl", ["dgst", "-sha256", "-hmac", Self.secret, "-r", file], in: daemon.folder)
    }
    let hex = String(decoding: run.output, as: UTF8.self).split(separator: " ").first ?? ""
    return "sha256=\(hex)"
  }

  @Test("the ticket system closes a ticket raised in a visit with a signed call; its follow-up becomes owed")
  func ticketClosed() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let operations = try await daemon.token(["--operations"])
    let ticket = "T\(UInt32.random(in: 1...UInt32.max))"
    let visit: [String: Any] = [
      "household": cast.household, "at": DemoDaemon.localTime(minutesAgo: 120), "channel": "phone",
      "steward": cast.steward, "tickets": [ticket],
    ]
    #expect(try await daemon.post("/api/v1/visits", token: operations, json: visit).status == 201)
    let path = "/api/v1/tickets/\(ticket)/closed"
    let body = try JSONSerialization.data(withJSONObject: ["at": DemoDaemon.localTime(minutesAgo: 30)])
    let crm = try await daemon.token(["--integration", "tickets", "--scope", "events:write"])
    let unsigned = try await daemon.request(.POST, path, token: crm, body: body)
    #expect(unsigned.status == 401, "\(unsigned.text)")
    #expect(unsigned.headers.first(name: "Content-Type") == "application/problem+json")
    let wrong = "sha256=" + String(repeating: "0", count: 64)
    let forged = try await daemon.request(
      .POST, path, token: crm, body: body, headers: [("X-Visitd-Signature", wrong)])
    #expect(forged.status == 401)
    let signed = [("X-Visitd-Signature", try await signature(body, daemon: daemon))]
    var tampered = body
    tampered.append(contentsOf: Array(" ".utf8))
    let changed = try await daemon.request(.POST, path, token: crm, body: tampered, headers: signed)
    #expect(changed.status == 401, "the signature covers the body as sent")
    let steward = try await daemon.token(["--steward", cast.steward])
    #expect(try await daemon.request(.POST, path, token: steward, body: body, headers: signed).status == 403)
    let closed = try await daemon.request(.POST, path, token: crm, body: body, headers: signed)
    #expect(closed.status == 201, "\(closed.text)")
    #expect(rules(closed, "opened").contains("ticket-follow-up"), "\(closed.text)")
  }

  @Test("a lead waives their project's task with a reason, and it counts as handled; a steward may not")
  func waive() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let steward = try await daemon.token(["--steward", cast.steward])
    let brief = try await daemon.request(.GET, "/api/v1/households/\(cast.household)/brief", token: steward)
    let owed = (brief.json["owed"] as? [[String: Any]]) ?? []
    let task = try #require(
      owed.first {
        // A waived steward-change sweep stays open (see the report of this change): not the case tested here.
        $0["state"] as? String == "open"
          && ($0["task"] as? String)?.contains("/steward-change-sweep/") == false
      }?["task"] as? String,
      "\(brief.text)")
    let path = "/api/v1/tasks/\(task.replacingOccurrences(of: "/", with: "%2F"))/waive"
    let reason: [String: Any] = ["reason": "owner abroad until next year"]
    #expect(try await daemon.post(path, token: steward, json: reason).status == 403)
    let otherLead = try await daemon.token(["--lead", cast.otherProject])
    #expect(try await daemon.post(path, token: otherLead, json: reason).status == 403)
    let lead = try await daemon.token(["--lead", cast.project])
    let waived = try await daemon.post(path, token: lead, json: reason)
    #expect(waived.status == 200, "\(waived.text)")
    // Counted as handled: explain shows it waived. (Under load this once failed: the daemon's re-plan had read
    // its clock before the waiver committed and left the waiver, dated after that clock, out of a plan it stamped
    // current; plans are now made at the latest fact's instant, `StoredPlanning.planningClock`.)
    let explained = try await daemon.request(
      .GET, "/api/v1/households/\(cast.household)/explain", token: lead)
    let tasks = ((explained.json["rules"] as? [[String: Any]]) ?? []).flatMap {
      ($0["tasks"] as? [[String: Any]]) ?? []
    }
    #expect(
      tasks.contains { $0["task"] as? String == task && $0["state"] as? String == "waived" },
      "\(task): \(tasks.filter { $0["task"] as? String == task })")
    let missing = "/api/v1/tasks/\(cast.household)%2Fno-rule%2F2027%2F1/waive"
    #expect(try await daemon.post(missing, token: lead, json: reason).status == 404)
    let blank = try await daemon.post(path, token: lead, json: ["reason": " "])
    #expect(blank.status == 422)
  }

  @Test(
    "operations give an area a new steward, who then sees its households; only operations and its lead may")
  func assignSteward() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let operations = try await daemon.token(["--operations"])
    let household = "/api/v1/households/\(cast.otherHousehold)/brief"
    let brief = try await daemon.request(.GET, household, token: operations)
    // "P002-S01 王五": the id, then the name.
    let oldSteward = try #require(
      (brief.json["steward"] as? String)?.split(separator: " ").first.map(String.init), "\(brief.text)")
    // The demo names an area's steward after it: P002-A01 has P002-S01 (P002-S01b after a change).
    let area = oldSteward.replacingOccurrences(of: "-S", with: "-A").trimmingCharacters(in: ["b"])
    let path = "/api/v1/areas/\(area)/steward"
    let body: [String: Any] = ["steward": cast.steward, "at": DemoDaemon.localTime(minutesAgo: 10)]
    let lead = try await daemon.token(["--lead", cast.project])
    #expect(try await daemon.post(path, token: lead, json: body).status == 403)
    #expect(
      try await daemon.post("/api/v1/areas/NO-SUCH/steward", token: operations, json: body).status == 404)
    let nobody: [String: Any] = ["steward": "NO-SUCH", "at": DemoDaemon.localTime(minutesAgo: 10)]
    #expect(try await daemon.post(path, token: operations, json: nobody).status == 404)
    let steward = try await daemon.token(["--steward", cast.steward])
    #expect(try await daemon.request(.GET, household, token: steward).status == 403)
    let assigned = try await daemon.post(path, token: operations, json: body)
    #expect(assigned.status == 200, "\(assigned.text)")
    #expect(rules(assigned, "opened").contains("steward-change-sweep"), "\(assigned.text)")
    #expect(try await daemon.request(.GET, household, token: steward).status == 200)
    // Given back, so that the other tests' households stay their stewards'.
    let otherLead = try await daemon.token(["--lead", cast.otherProject])
    let back: [String: Any] = ["steward": oldSteward, "at": DemoDaemon.localTime(minutesAgo: 5)]
    #expect(try await daemon.post(path, token: otherLead, json: back).status == 200)
    #expect(try await daemon.request(.GET, household, token: steward).status == 403)
  }

  @Test("operations create a campaign over a project, which owes its households the campaign's contact")
  func campaign() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let today = String(DemoDaemon.localTime(minutesAgo: 0).prefix(10))
    let campaign: [String: Any] = [
      "rule": "activity-invitation", "project": cast.project, "from": today, "to": today,
    ]
    let lead = try await daemon.token(["--lead", cast.project])
    #expect(try await daemon.post("/api/v1/campaigns", token: lead, json: campaign).status == 403)
    let operations = try await daemon.token(["--operations"])
    let created = try await daemon.post("/api/v1/campaigns", token: operations, json: campaign)
    #expect(created.status == 201, "\(created.text)")
    #expect(rules(created, "opened").contains("activity-invitation"), "\(created.text)")
    var backwards = campaign
    backwards["from"] = "2027-02-01"
    backwards["to"] = "2027-01-01"
    let refused = try await daemon.post("/api/v1/campaigns", token: operations, json: backwards)
    #expect(refused.status == 422)
    #expect((refused.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "to")
  }
}
