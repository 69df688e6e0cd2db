import Foundation
import Testing

/// The HTTP API against a real daemon over loopback, started by socket activation.
@Suite(.serialized)
struct APITests {
  @Test("the contract is served, and every operation wants a token: 401 with a problem document")
  func contractAndAuthentication() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let contract = try await daemon.request(.GET, "/openapi.yaml")
    #expect(contract.text.hasPrefix("openapi: 3.1.0"))
    #expect(contract.headers.first(name: "Content-Type")?.hasPrefix("application/yaml") == true)
    for token in [nil, "vd_not-a-token"] {
      let answer = try await daemon.request(.GET, "/api/v1/stewards/\(cast.steward)/day", token: token)
      #expect(answer.status == 401)
      #expect(answer.headers.first(name: "Content-Type") == "application/problem+json")
      #expect(answer.json["status"] as? Int == 401)
      #expect(answer.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)
    }
    // A principal no other suite issues a token for: the suites share the daemon and issue tokens meanwhile.
    let name = "revoked-\(UUID().uuidString.prefix(8))"
    let revoked = try await daemon.token(["--integration", name, "--scope", "reports:read"])
    let listed = try await daemon.visitctl(["token", "list"]).split(separator: "\n")
    let id = try #require(listed.first { $0.contains(name) }?.split(separator: " ").first)
    try await daemon.visitctl(["token", "revoke", String(id)])
    #expect(try await daemon.request(.GET, "/api/v1/me", token: revoked).status == 401)
  }

  @Test("who may do what: a steward their own households, a lead their project, operations everything")
  func permissionMatrix() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let steward = try await daemon.token(["--steward", cast.steward])
    let lead = try await daemon.token(["--lead", cast.project])
    let operations = try await daemon.token(["--operations"])
    let crm = try await daemon.token(["--integration", "crm", "--scope", "visits:write"])
    let cases: [(String, String, Int)] = [
      (steward, "/api/v1/stewards/\(cast.steward)/day", 200),
      (steward, "/api/v1/stewards/\(cast.otherSteward)/day", 403),
      (steward, "/api/v1/households/\(cast.household)/brief", 200),
      (steward, "/api/v1/households/\(cast.otherHousehold)/brief", 403),
      (steward, "/api/v1/tasks?steward=\(cast.otherSteward)", 403),
      (steward, "/api/v1/tasks", 200),
      (lead, "/api/v1/households/\(cast.household)/brief", 200),
      (lead, "/api/v1/households/\(cast.otherHousehold)/brief", 403),
      (lead, "/api/v1/tasks?project=\(cast.otherProject)", 403),
      (operations, "/api/v1/households/\(cast.otherHousehold)/brief", 200),
      (operations, "/api/v1/stewards/\(cast.otherSteward)/day", 200),
      (operations, "/api/v1/households/NO-SUCH-HOUSEHOLD/brief", 404),
      (crm, "/api/v1/tasks", 403),
      (crm, "/api/v1/households/\(cast.household)/brief", 403),
    ]
    for (token, path, status) in cases {
      let answer = try await daemon.request(.GET, path, token: token)
      #expect(answer.status == status, "\(path): \(answer.text)")
      if status >= 400 { #expect(answer.headers.first(name: "Content-Type") == "application/problem+json") }
    }
    let tasks = try await daemon.request(.GET, "/api/v1/tasks?limit=1000", token: steward)
    let listed = try #require(tasks.json["tasks"] as? [[String: Any]])
    #expect(!listed.isEmpty)
    #expect(listed.allSatisfy { $0["assignee"] as? String == cast.steward })
    #expect(!daemon.log.contains(steward), "a token must never be logged")
  }

  @Test("a full phone number only for the household's steward, its lead and operations, each read logged")
  func revealingContactIsLogged() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let steward = try await daemon.token(["--steward", cast.steward])
    let admin = try await daemon.token(["--admin"])
    let masked = try await daemon.request(.GET, "/api/v1/households/\(cast.household)/brief", token: steward)
    #expect((masked.json["phone"] as? String)?.contains("****") == true)
    let path = "/api/v1/households/\(cast.household)/brief?reveal=contact&reason=call%20back"
    let revealed = try await daemon.request(.GET, path, token: steward)
    #expect(revealed.status == 200)
    #expect((revealed.json["phone"] as? String)?.contains("*") == false)
    #expect(try await daemon.request(.GET, path, token: admin).status == 403)
    let noReason = try await daemon.request(
      .GET, "/api/v1/households/\(cast.household)/brief?reveal=contact", token: steward)
    #expect(noReason.status == 422)
    #expect((noReason.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "reason")
    let audit = try await daemon.visitctl(["audit"])
    #expect(audit.contains(cast.household) && audit.contains("call back") && audit.contains(cast.steward))
  }
}
