import Foundation
import Testing

/// `visitctl` run by someone who may read the database but not write it (a read-only file, or another user):
/// listings work from what is stored, planned in memory; writes are refused naming the database.
@Suite struct ReadOnlyDatabaseTests {
  /// A database with a small demo set whose plan is stale (imported without rules), which the runs through
  /// `reader` may only read: as root, another user (`nobody`); otherwise the owner with the file made
  /// read-only.
  private func readOnlyDatabase() throws -> (cli: CLI, reader: [String]) {
    let cli = CLI()
    try cli.importDemo(households: 60, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let files = ["", "-wal", "-shm"].map { cli.database + $0 }.filter {
      FileManager.default.fileExists(atPath: $0)
    }
    if geteuid() == 0 {
      for file in files { chmod(file, 0o644) }
      return (cli, ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"])
    }
    for file in files { chmod(file, 0o444) }
    return (cli, [])
  }

  private func taskStates(_ result: CLI.Result) throws -> [String: String] {
    #expect(result.status == 0, "\(result.errors)")
    let rows = try JSONSerialization.jsonObject(with: result.bytes) as? [[String: Any]] ?? []
    var states: [String: String] = [:]
    for case let task as [String: Any] in rows.map({ $0["task"] }) {
      if let id = task["id"] as? String { states[id] = task["state"] as? String }
    }
    return states
  }

  @Test func listingsReadAReadOnlyDatabase() throws {
    let (cli, reader) = try readOnlyDatabase()
    let read = try taskStates(
      cli.run(["tasks", "--json", "--db", cli.database, "--rules", CLI.rules], launcher: reader))
    #expect(!read.isEmpty)
    let household = String(try #require(read.keys.sorted().first?.split(separator: "/").first))
    let explained = try cli.run(
      ["explain", household, "--db", cli.database, "--rules", CLI.rules], launcher: reader)
    #expect(explained.status == 0, "\(explained.errors)")
    let report = try cli.run(
      [
        "report", "spot-check", "--month", String(ShanghaiDay.text(0).prefix(7)), "--db", cli.database,
        "--rules",
        CLI.rules,
      ], launcher: reader)
    #expect(report.status == 0, "\(report.errors)")
    // The reader planned in memory what a writer plans and stores.
    let written = try taskStates(cli.db(["tasks", "--json"]))
    #expect(read == written)
  }

  @Test func aWriteToAReadOnlyDatabaseIsRefusedNamingIt() throws {
    let (cli, reader) = try readOnlyDatabase()
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
    let refused = try cli.run(
      ["waive", "H0001", "--reason", "test", "--db", cli.database, "--rules", CLI.rules], launcher: reader)
    #expect(refused.status != 0)
    #expect(refused.errors.contains("cannot open the database") && refused.errors.contains(cli.database))
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
  }
}
