import Foundation
import Testing

/// `visitctl report register --xlsx FILE`: the month's 《客服访谈信息登记表》 as an Excel workbook.
@Suite struct RegisterCLITests {
  @Test func theRegisterWorkbookHoldsARecordedVisitWithItsTextsUnderTheRegistersHeaders() throws {
    let cli = CLI()
    let (today, yesterday) = (ShanghaiDay.text(0), ShanghaiDay.text(-1))
    let (day, time) = yesterday.prefix(4) == today.prefix(4) ? (yesterday, "18:30") : (today, "00:01")
    try cli.importDemo(households: 100, asOf: ShanghaiDay.endOfPreviousMonth(day))
    let open = try JSONSerialization.jsonObject(with: cli.db(["tasks", "--state", "open", "--json"]).bytes)
    let task = try #require((open as? [[String: Any]])?.compactMap { $0["task"] as? [String: Any] }.first)
    let household = try #require(task["household"] as? String)
    let recorded = try cli.db([
      "visit", "record", household, "--channel", "phone", "--at", "\(day) \(time)",
      "--steward", try #require(task["assignee"] as? String), "--hobbies", "钓鱼", "--needs", "车位紧张",
      "--category", "parking", "--rate", "overall=4", "--id", "V-REGISTER-1",
    ])
    try #require(recorded.status == 0, "\(recorded.errors)")

    let file = cli.folder + "/register.xlsx"
    let written = try cli.db(["report", "register", "--month", String(day.prefix(7)), "--xlsx", file])
    try #require(written.status == 0, "\(written.errors)")
    #expect(written.output.isEmpty, "--xlsx prints nothing")
    let book = try Self.cells(file)
    let headers = try #require(book.first)
    #expect(
      headers == [
        "访谈编号", "户号", "项目", "楼栋", "单元", "房号", "业主", "时间", "方式", "类型", "管家", "受访人", "结果",
        "家庭成员", "兴趣爱好", "宠物", "联系方式", "需求", "需求类别", "评价", "评价类别", "满意度", "报事单号", "性别",
        "房屋状态",
      ])
    let row = try #require(book.first { $0.first == "V-REGISTER-1" }, "\(book.count) rows")
    let cell = { (name: String) in
      headers.firstIndex(of: name).flatMap { $0 < row.count ? row[$0] : nil } ?? ""
    }
    #expect(cell("户号") == household)
    #expect(cell("时间") == "\(day) \(time)")
    #expect(cell("方式") == "电话")
    #expect(cell("兴趣爱好") == "钓鱼")
    #expect(cell("需求") == "车位紧张")
    #expect(!cell("需求类别").isEmpty)
    #expect(cell("满意度") == "overall=4")
    #expect(cell("业主").contains("*"), "the owner is masked")
  }

  @Test func theTaskListAndTheMonthPlanAreWorkbooksOfTheirRows() throws {
    let cli = CLI()
    try cli.importDemo(households: 60, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let listed = try JSONSerialization.jsonObject(with: cli.db(["tasks", "--state", "open", "--json"]).bytes)
    let tasks = try #require(listed as? [[String: Any]]).compactMap { $0["task"] as? [String: Any] }
    let first = try #require(tasks.first)
    let tasksFile = cli.folder + "/tasks.xlsx"
    try #require(cli.db(["tasks", "--state", "open", "--xlsx", tasksFile]).status == 0)
    let rows = try Self.cells(tasksFile)
    #expect(rows.first?.first == "task")
    #expect(rows.count == tasks.count + 1)
    #expect(rows.contains { $0.first == first["id"] as? String })

    let month = try #require(first["plannedMonth"] as? String)
    let steward = try #require(first["assignee"] as? String)
    let planFile = cli.folder + "/plan.xlsx"
    try #require(cli.db(["plan", "--month", month, "--steward", steward, "--xlsx", planFile]).status == 0)
    let plan = try Self.cells(planFile)
    #expect(
      plan.first == ["project", "building", "household", "room", "owner", "phone", "task", "state", "why"])
    #expect(plan.contains { $0.count > 6 && $0[6] == first["id"] as? String })
  }

  /// The cells of the workbook's first sheet, read with `scripts/xlsx-cells.py`.
  static func cells(_ file: String) throws -> [[String]] {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../scripts/xlsx-cells.py").standardized.path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, file]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return try #require(object?["rows"] as? [[String]])
  }
}
