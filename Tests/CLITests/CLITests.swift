import Foundation
import Testing

/// `visitctl` end to end: a demo set imported into a temporary database, a visit recorded, then the listings,
/// the explanation, the reports and the simulation, each read from a real process's output.
@Suite(.serialized) struct CLITests {
  /// A database with a small demo set whose facts end the month before yesterday's, and one visit recorded
  /// yesterday evening (just after midnight on 1 January) to an occupied household's open annual task.
  /// Returns the visit's task.
  private func recordedVisit(_ cli: CLI) throws -> (task: [String: Any], month: String) {
    // Yesterday evening, unless yesterday was last year (then just after midnight today, outside the visiting
    // window, which the shipped rule accepts and flags): the task is this year's.
    let (today, yesterday) = (ShanghaiDay.text(0), ShanghaiDay.text(-1))
    let (day, time) = yesterday.prefix(4) == today.prefix(4) ? (yesterday, "18:30") : (today, "00:01")
    try cli.importDemo(households: 300, asOf: ShanghaiDay.endOfPreviousMonth(day))
    let open = try json(cli.db(["tasks", "--state", "open", "--json"])) as? [[String: Any]] ?? []
    let annual = try #require(
      open.compactMap { $0["task"] as? [String: Any] }.first {
        $0["rule"] as? String == "occupied-annual"
      })
    let household = try #require(annual["household"] as? String)
    let recorded = try cli.run([
      "visit", "record", household, "--channel", "in-home", "--at", "\(day) \(time)",
      "--steward", try #require(annual["assignee"] as? String), "--hobbies", "钓鱼", "--needs", "车位紧张",
      "--category", "parking", "--rate", "overall=5", "--db", cli.database,
    ])
    #expect(recorded.status == 0, "\(recorded.errors)")
    return (annual, String(day.prefix(7)))
  }

  @Test func aRecordedVisitSettlesItsTaskAndIsExplained() throws {
    let cli = CLI()
    let (task, _) = try recordedVisit(cli)
    let id = try #require(task["id"] as? String)
    let household = try #require(task["household"] as? String)
    let listed = try json(cli.db(["tasks", "--json"])) as? [[String: Any]] ?? []
    let settled = try #require(
      listed.compactMap { $0["task"] as? [String: Any] }.first { $0["id"] as? String == id })
    #expect(settled["state"] as? String == "done")
    let visit = try #require(settled["settledBy"] as? String)
    let table = try cli.db(["tasks", "--steward", try #require(task["assignee"] as? String)])
    #expect(table.output.contains(id) && table.output.contains("visit \(visit)"))
    let explained = try cli.db(["explain", household, "--rule", "occupied-annual"])
    #expect(explained.status == 0, "\(explained.errors)")
    #expect(explained.output.contains("条件：✓ state occupied"))
    #expect(explained.output.contains("期限：\(settled["opens"] as? String ?? "?") .."))
    #expect(explained.output.contains("办结：visit \(visit)"))
    // The brief's labels, states and channels in Chinese; the JSON keeps its English keys.
    let brief = try cli.db(["brief", household])
    #expect(brief.output.contains("应访：") && brief.output.contains("最近联系：") && brief.output.contains("尚缺信息："))
    #expect(brief.output.contains("：入户，基础访谈") || brief.output.contains("：入户，深度访谈"))
    #expect(!brief.output.contains("Owed:") && !brief.output.contains("in-home"))
    let briefJSON = try json(cli.db(["brief", household, "--json"])) as? [String: Any]
    #expect(briefJSON?["lastContacts"] != nil && briefJSON?["owed"] != nil)
  }

  @Test func captureRateCountsTheVisitOfTheMonth() throws {
    let cli = CLI()
    let (task, month) = try recordedVisit(cli)
    let project = try #require(task["project"] as? String)
    let result = try cli.db(["report", "capture-rate", "--month", month, "--project", project, "--json"])
    let rates = try json(result) as? [[String: Any]] ?? []
    #expect(rates.count == 1)
    #expect(rates.first?["interviewed"] as? Int == 1)
    #expect(rates.first?["infoHouseholds"] as? Int == 1)
    #expect(rates.first?["feedbackHouseholds"] as? Int == 1)
    #expect(rates.first?["eitherHouseholds"] as? Int == 1)
    let csv = try cli.db(["report", "capture-rate", "--month", month, "--csv"])
    #expect(Array(csv.bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
  }

  @Test func noListingPrintsAWholePhoneNumber() throws {
    let cli = CLI()
    let (task, month) = try recordedVisit(cli)
    let household = try #require(task["household"] as? String)
    let steward = try #require(task["assignee"] as? String)
    let commands = [
      ["tasks"], ["tasks", "--json"], ["plan", "--month", month], ["plan", "--month", month, "--json"],
      ["brief", household], ["brief", household, "--json"], ["explain", household],
      ["report", "sample", "--month", month], ["report", "sample", "--month", month, "--json"],
      ["report", "sample", "--month", month, "--csv"], ["report", "spot-check", "--month", month],
      ["report", "summary", "--month", month], ["report", "ranking", "--month", month],
      ["plan", "--month", month, "--steward", steward],
    ]
    let phone = try Regex("1[3-9][0-9]{9}")
    for command in commands {
      let result = try cli.db(command)
      #expect(result.status == 0, "\(command): \(result.errors)")
      #expect(result.output.firstMatch(of: phone) == nil, "\(command) printed a whole phone number")
    }
    let shown = try cli.db(["brief", household, "--show-contact"])
    #expect(shown.output.firstMatch(of: phone) != nil)
  }

  @Test func simulateRunsATinyDemoSet() throws {
    let cli = CLI()
    let demo = cli.folder + "/tiny"
    try cli.run([
      "demo", "generate", "--projects", "2", "--households", "80", "--seed", "3", "--as-of", "2026-10-31",
      "--out",
      demo,
    ])
    let text = try cli.run([
      "simulate", "--facts", demo, "--from", "2026-01-01", "--to", "2026-03-31", "--rules", CLI.rules,
    ])
    #expect(text.status == 0, "\(text.errors)")
    #expect(text.output.contains("== 2026-03 =="))
    #expect(text.output.contains("Spot check on the 15th"))
    let months =
      try json(
        cli.run([
          "simulate", "--facts", demo, "--from", "2026-01-01", "--to", "2026-02-28", "--json", "--rules",
          CLI.rules,
        ])
      ) as? [[String: Any]] ?? []
    #expect(months.map { $0["month"] as? String } == ["2026-01", "2026-02"])
  }

  @Test func importAllReadsAFolderAsOneChange() throws {
    let cli = CLI()
    let demo = cli.folder + "/demo"
    try cli.run(["demo", "generate", "--projects", "2", "--households", "60", "--seed", "4", "--out", demo])
    let first = try cli.db(["import", "all", demo])
    #expect(first.status == 0, "\(first.errors)")
    for kind in ["projects", "stewards", "areas", "households", "visits"] {
      #expect(first.output.contains("\(demo)/\(kind).csv: "), "\(kind) not reported: \(first.output)")
    }
    #expect(first.output.contains("households to re-plan: 60"))
    let tasks = try json(cli.db(["tasks", "--json"])) as? [[String: Any]] ?? []
    #expect(tasks.count >= 60)
    let again = try cli.db(["import", "all", demo])
    #expect(again.output.contains("nothing changed"), "\(again.output)")
    let notFolder = try cli.db(["import", "all", demo + "/households.csv"])
    #expect(notFolder.status != 0)
    #expect(notFolder.errors.contains("is not a folder"))
  }

  @Test func aReloadTheDaemonWouldRefuseFailsWithEveryProblem() throws {
    let cli = CLI()
    let rules = cli.folder + "/rules"
    try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
    for file in try FileManager.default.contentsOfDirectory(atPath: CLI.rules) {
      try FileManager.default.copyItem(atPath: CLI.rules + "/" + file, toPath: rules + "/" + file)
    }
    try "[trigge]\nkind = \"quota\"\n".write(
      toFile: rules + "/broken.toml", atomically: true, encoding: .utf8)
    let socket = cli.folder + "/control.sock"
    _ = FileManager.default.createFile(atPath: socket, contents: nil)
    let result = try cli.run(["reload", "--socket", socket, "--rules", rules])
    #expect(result.status != 0)
    #expect(result.errors.contains("broken.toml:1"), "\(result.errors)")
  }

  @Test func reloadWithoutADaemonFails() throws {
    let cli = CLI()
    let result = try cli.run(["reload", "--db", cli.database])
    #expect(result.status == 1)
    #expect(result.errors.contains("no daemon listens"))
  }

  private func json(_ result: CLI.Result) throws -> Any {
    #expect(result.status == 0, "\(result.errors)")
    return try JSONSerialization.jsonObject(with: Data(result.output.utf8))
  }
}
