import Foundation
import Testing

/// Listings read the stored tasks of what they show; a write without rules leaves the plan to the next one.
@Suite(.serialized) struct StoredPlanTests {
  private func tasks(_ cli: CLI, _ filter: [String]) throws -> [[String: Any]] {
    let result = try cli.db(["tasks", "--json"] + filter)
    #expect(result.status == 0, "\(result.errors)")
    let rows = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]] ?? []
    return rows.compactMap { $0["task"] as? [String: Any] }
  }

  private func ids(_ rows: [[String: Any]]) -> [String] {
    rows.map { "\($0["id"] ?? "")=\($0["state"] ?? "")@\($0["plannedMonth"] ?? "")" }
  }

  @Test func aStewardsAndAProjectsListingAreTheirPartOfTheWholeOne() throws {
    let cli = CLI()
    try cli.importDemo(households: 300, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let all = try tasks(cli, [])
    let steward = try #require(all.first?["assignee"] as? String)
    let project = try #require(all.last?["project"] as? String)
    #expect(
      ids(try tasks(cli, ["--steward", steward])) == ids(all.filter { $0["assignee"] as? String == steward }))
    #expect(
      ids(try tasks(cli, ["--project", project])) == ids(all.filter { $0["project"] as? String == project }))
    let overdue = all.filter { $0["state"] as? String == "overdue" }
    #expect(
      ids(try tasks(cli, ["--steward", steward, "--state", "overdue"]))
        == ids(
          overdue.filter {
            $0["assignee"] as? String == steward
          }))
  }

  @Test func aWriteWithoutRulesIsPlannedByTheNextListing() throws {
    let cli = CLI()
    try cli.importDemo(households: 120, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let annual = try #require(
      try tasks(cli, []).first {
        $0["rule"] as? String == "occupied-annual" && $0["settledBy"] == nil
      })
    let household = try #require(annual["household"] as? String)
    let regraded = try cli.run([
      "event", "grade", household, "C", "--at", ShanghaiDay.aMinuteAgo(), "--db", cli.database, "--rules",
      cli.folder + "/no-such-rules",
    ])
    #expect(regraded.status == 0, "\(regraded.errors)")
    #expect(regraded.errors.contains("no valid rules found"))
    let mine = try tasks(cli, ["--steward", try #require(annual["assignee"] as? String)]).filter {
      $0["household"] as? String == household
    }
    #expect(mine.contains { $0["rule"] as? String == "deep-interview" })
    #expect(mine.first { $0["id"] as? String == annual["id"] as? String }?["state"] as? String == "cancelled")
  }
}
