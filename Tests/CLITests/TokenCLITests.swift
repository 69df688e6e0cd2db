import Foundation
import Testing

/// `visitctl token` and `visitctl audit` as an administrator runs them, on a database that knows one project
/// and one steward.
@Suite struct TokenCLITests {
  private func knownPeople() throws -> CLI {
    let cli = CLI()
    let projects = cli.folder + "/projects.csv"
    let stewards = cli.folder + "/stewards.csv"
    try "project,name\nP1,翠湖花园\n".write(toFile: projects, atomically: true, encoding: .utf8)
    try "steward,name\nS1,李娜\n".write(toFile: stewards, atomically: true, encoding: .utf8)
    for (kind, file) in [("projects", projects), ("stewards", stewards)] {
      let imported = try cli.run(["import", kind, file, "--db", cli.database])
      guard imported.status == 0 else { throw CLIError("import \(kind) failed: \(imported.errors)") }
    }
    return cli
  }

  private func listed(_ cli: CLI) throws -> [[String: Any]] {
    let result = try cli.run(["token", "list", "--json", "--db", cli.database])
    #expect(result.status == 0, "\(result.errors)")
    return try JSONSerialization.jsonObject(with: result.bytes) as? [[String: Any]] ?? []
  }

  @Test func anIssuedTokenIsListedValidUntilItIsRevoked() throws {
    let cli = try knownPeople()
    let issued = try cli.run(["token", "issue", "--steward", "S1", "--expires", "30", "--db", cli.database])
    #expect(issued.status == 0, "\(issued.errors)")
    let secret = issued.output.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(secret.hasPrefix("vd_") && !secret.contains("\n"))
    #expect(issued.errors.contains("will not be shown again"))
    let token = try #require(try listed(cli).first)
    let id = try #require(token["id"] as? String)
    #expect(token["principal"] as? String == "steward:S1" && token["state"] as? String == "valid")
    let table = try cli.run(["token", "list", "--db", cli.database])
    #expect(table.output.contains(id) && table.output.contains("valid") && !table.output.contains(secret))
    let revoked = try cli.run(["token", "revoke", id, "--db", cli.database])
    #expect(revoked.status == 0, "\(revoked.errors)")
    #expect(try listed(cli).first?["state"] as? String == "revoked")
    let again = try cli.run(["token", "revoke", id, "--db", cli.database])
    #expect(again.status != 0 && again.errors.contains("revoked already"))
  }

  @Test func anIntegrationTokenCarriesItsScopes() throws {
    let cli = try knownPeople()
    let issued = try cli.run([
      "token", "issue", "--integration", "crm", "--scope", "visits:write", "--scope", "events:write", "--db",
      cli.database,
    ])
    #expect(issued.status == 0, "\(issued.errors)")
    #expect(try listed(cli).first?["principal"] as? String == "integration:crm[events:write,visits:write]")
  }

  @Test(arguments: [
    ([] as [String], "none was given"),
    (["--steward", "S1", "--admin"], "got --steward and --admin"),
    (["--operations", "--scope", "visits:write"], "--scope is for an --integration token"),
    (["--integration", "crm"], "needs at least one --scope"),
    (["--integration", "crm", "--scope", "visits:read"], "'visits:read' is not a scope"),
    (["--steward", "S9"], "--steward 'S9': no such steward"),
    (["--lead", "P9"], "--lead 'P9': no such project"),
    (["--admin", "--expires", "0"], "--expires 0: expected a number of days"),
  ])
  func issuingWithoutExactlyOneKnownRoleFailsSayingWhy(_ options: [String], _ message: String) throws {
    let cli = try knownPeople()
    let result = try cli.run(["token", "issue"] + options + ["--db", cli.database])
    #expect(result.status != 0)
    #expect(result.errors.contains(message), "\(result.errors)")
    #expect(result.output.isEmpty)
    #expect(try listed(cli).isEmpty)
  }

  @Test func revokingAnUnknownTokenFails() throws {
    let cli = try knownPeople()
    let result = try cli.run(["token", "revoke", "tok-00000000", "--db", cli.database])
    #expect(result.status != 0 && result.errors.contains("no token 'tok-00000000'"))
  }

  @Test func auditOnAnEmptyLogSaysSo() throws {
    let cli = try knownPeople()
    let text = try cli.run(["audit", "--since", "2026-01-01", "--db", cli.database])
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("the access log is empty from 2026-01-01 on"))
    let json = try cli.run(["audit", "--json", "--db", cli.database])
    #expect(json.status == 0, "\(json.errors)")
    #expect((try JSONSerialization.jsonObject(with: json.bytes) as? [Any])?.isEmpty == true)
    let bad = try cli.run(["audit", "--since", "2026-13-01", "--db", cli.database])
    #expect(bad.status != 0 && bad.errors.contains("--since '2026-13-01' is not a day; expected YYYY-MM-DD"))
  }
}
