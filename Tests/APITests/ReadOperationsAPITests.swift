import Foundation
import Testing

/// The API's reading operations beyond the day: a steward's month, why a household's tasks exist, the monthly
/// reports as JSON and CSV, and the outbox for admins.
@Suite(.serialized)
struct ReadOperationsAPITests {
  @Test(
    "a steward's month sheet lists the tasks planned in that month; a lead sees only their project's part")
  func monthSheet() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let steward = try await daemon.token(["--steward", cast.steward])
    let tasks = try await daemon.request(.GET, "/api/v1/tasks?limit=1&state=open", token: steward)
    let task = try #require((tasks.json["tasks"] as? [[String: Any]])?.first, "\(tasks.text)")
    let month = try #require(task["plannedMonth"] as? String)
    let path = "/api/v1/stewards/\(cast.steward)/month?month=\(month)"
    let sheet = try await daemon.request(.GET, path, token: steward)
    #expect(sheet.status == 200, "\(sheet.text)")
    #expect(sheet.json["steward"] as? String == cast.steward)
    #expect(sheet.json["month"] as? String == month)
    let buildings = (sheet.json["buildings"] as? [[String: Any]]) ?? []
    let households = buildings.flatMap { ($0["households"] as? [[String: Any]]) ?? [] }
    let listed = households.flatMap { ($0["visits"] as? [[String: Any]]) ?? [] }.compactMap {
      $0["task"] as? String
    }
    #expect(listed.contains(task["id"] as? String ?? "?"), "\(sheet.text)")
    #expect(households.allSatisfy { ($0["phone"] as? String)?.contains("****") != false })
    let otherLead = try await daemon.token(["--lead", cast.otherProject])
    let foreign = try await daemon.request(.GET, path, token: otherLead)
    #expect(foreign.status == 200)
    #expect((foreign.json["buildings"] as? [[String: Any]])?.isEmpty == true, "\(foreign.text)")
    let other = "/api/v1/stewards/\(cast.otherSteward)/month?month=\(month)"
    #expect(try await daemon.request(.GET, other, token: steward).status == 403)
    let operations = try await daemon.token(["--operations"])
    #expect(try await daemon.request(.GET, "/api/v1/stewards/NO-SUCH/month", token: operations).status == 404)
    let badMonth = try await daemon.request(
      .GET, "\(other.prefix { $0 != "?" })?month=2027-13", token: operations)
    #expect(badMonth.status == 422)
    #expect((badMonth.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "month")
  }

  @Test(
    "explain says, rule by rule, why each of a household's tasks exists, for whoever may read the household")
  func explainHousehold() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let steward = try await daemon.token(["--steward", cast.steward])
    let brief = try await daemon.request(.GET, "/api/v1/households/\(cast.household)/brief", token: steward)
    let owed = try #require(
      (brief.json["owed"] as? [[String: Any]])?.first?["task"] as? String, "\(brief.text)")
    let answer = try await daemon.request(
      .GET, "/api/v1/households/\(cast.household)/explain", token: steward)
    #expect(answer.status == 200, "\(answer.text)")
    let rules = try #require(answer.json["rules"] as? [[String: Any]])
    let explained = rules.flatMap { ($0["tasks"] as? [[String: Any]]) ?? [] }
    let task = try #require(explained.first { $0["task"] as? String == owed }, "\(answer.text)")
    #expect(!(task["anchor"] as? String ?? "").isEmpty && !(task["window"] as? String ?? "").isEmpty)
    #expect(rules.allSatisfy { !($0["trigger"] as? String ?? "").isEmpty })
    let other = "/api/v1/households/\(cast.otherHousehold)/explain"
    #expect(try await daemon.request(.GET, other, token: steward).status == 403)
    let operations = try await daemon.token(["--operations"])
    #expect(
      try await daemon.request(.GET, "/api/v1/households/NO-SUCH/explain", token: operations).status == 404)
    let badRule = try await daemon.request(
      .GET, "/api/v1/households/\(cast.household)/explain?rule=no-such-rule", token: operations)
    #expect(badRule.status == 422)
  }

  @Test("every report as JSON, and as CSV with Accept: text/csv; a lead gets their own project's only")
  func reports() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let operations = try await daemon.token(["--operations"])
    let month = String(DemoDaemon.localTime(minutesAgo: 0).prefix(7))
    for kind in ["spot-check", "summary", "capture-rate", "ranking", "sample"] {
      let path = "/api/v1/reports/\(kind)?month=\(month)"
      let json = try await daemon.request(.GET, path, token: operations)
      #expect(json.status == 200, "\(kind): \(json.text)")
      #expect(json.json["kind"] as? String == kind)
      #expect(json.json["document"] != nil, "\(kind): \(json.text)")
      let csv = try await daemon.request(.GET, path, token: operations, headers: [("Accept", "text/csv")])
      #expect(csv.status == 200, "\(kind): \(csv.text)")
      #expect(csv.headers.first(name: "Content-Type")?.hasPrefix("text/csv") == true)
      #expect(Array(csv.body.prefix(3)) == [0xEF, 0xBB, 0xBF], "a BOM, so Excel reads UTF-8")
      #expect(csv.text.split(separator: "\n").count >= 2, "\(kind): \(csv.text)")
    }
    let lead = try await daemon.token(["--lead", cast.project])
    let own = try await daemon.request(.GET, "/api/v1/reports/capture-rate?month=\(month)", token: lead)
    #expect(own.status == 200, "\(own.text)")
    #expect(own.json["project"] as? String == cast.project)
    let rates = (own.json["document"] as? [[String: Any]]) ?? []
    #expect(!rates.isEmpty && rates.allSatisfy { $0["project"] as? String == cast.project }, "\(own.text)")
    let foreign = "/api/v1/reports/summary?month=\(month)&project=\(cast.otherProject)"
    #expect(try await daemon.request(.GET, foreign, token: lead).status == 403)
    let steward = try await daemon.token(["--steward", cast.steward])
    #expect(
      try await daemon.request(.GET, "/api/v1/reports/summary?month=\(month)", token: steward).status == 403)
    let reader = try await daemon.token(["--integration", "bi", "--scope", "reports:read"])
    #expect(
      try await daemon.request(.GET, "/api/v1/reports/ranking?month=\(month)", token: reader).status == 200)
    let writer = try await daemon.token(["--integration", "crm", "--scope", "events:write"])
    #expect(
      try await daemon.request(.GET, "/api/v1/reports/ranking?month=\(month)", token: writer).status == 403)
    let unknown = "/api/v1/reports/summary?month=\(month)&project=NO-SUCH"
    #expect(try await daemon.request(.GET, unknown, token: operations).status == 404)
  }

  @Test("only admins read the outbox, filtered by state")
  func outbox() async throws {
    let (daemon, _) = try await DemoDaemon.started()
    let admin = try await daemon.token(["--admin"])
    let all = try await daemon.request(.GET, "/api/v1/outbox", token: admin)
    #expect(all.status == 200, "\(all.text)")
    #expect(all.json["rows"] is [Any])
    let pending = try await daemon.request(.GET, "/api/v1/outbox?state=pending&limit=5", token: admin)
    let rows = (pending.json["rows"] as? [[String: Any]]) ?? []
    #expect(pending.status == 200 && rows.count <= 5)
    #expect(rows.allSatisfy { $0["state"] as? String == "pending" })
    let operations = try await daemon.token(["--operations"])
    #expect(try await daemon.request(.GET, "/api/v1/outbox", token: operations).status == 403)
    #expect(try await daemon.request(.GET, "/api/v1/outbox?limit=0", token: admin).status == 422)
  }
}
