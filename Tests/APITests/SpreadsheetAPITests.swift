import Foundation
import TestSupport
import Testing

/// The reports as Excel workbooks over HTTP: the register of a month, one row per visit, as a real .xlsx.
@Suite(.serialized)
struct SpreadsheetAPITests {
  static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
  static let registerHeaders = [
    "访谈编号", "户号", "项目", "楼栋", "单元", "房号", "业主", "时间", "方式", "类型", "管家", "受访人", "结果",
    "家庭成员", "兴趣爱好", "宠物", "联系方式", "需求", "需求类别", "评价", "评价类别", "满意度", "报事单号", "性别",
    "房屋状态",
  ]

  /// What `scripts/xlsx-cells.py` reads back.
  struct ReadBack: Decodable {
    let sheets: [String]
    let rows: [[String]]
  }

  @Test("the register with Accept .xlsx is a workbook holding the register's headers and the JSON's rows")
  func registerWorkbook() async throws {
    let (daemon, _) = try await DemoDaemon.started(FeedsDaemon.daemon)
    let operations = try await daemon.token(["--operations"])
    // Last month: the demo's visits are in the past.
    let month = String(DemoDaemon.localTime(minutesAgo: 60 * 24 * 31).prefix(7))
    let path = "/api/v1/reports/register?month=\(month)"
    let workbook = try await daemon.request(.GET, path, token: operations, headers: [("Accept", Self.xlsx)])
    #expect(workbook.status == 200, "\(workbook.text)")
    #expect(workbook.headers.first(name: "Content-Type") == Self.xlsx)
    let json = try await daemon.request(.GET, path, token: operations)
    let rows = try #require(json.json["document"] as? [[String: Any]], "\(json.text)")
    let cells = rows.compactMap { $0["cells"] as? [String] }
    #expect(!cells.isEmpty, "the demo has visits last month")

    let file = "\(daemon.folder)/register-\(UUID().uuidString).xlsx"
    try workbook.body.write(to: URL(fileURLWithPath: file))
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../scripts/xlsx-cells.py").standardized.path
    let folder = daemon.folder
    let run = try await offPool { try ToolRun.run("/usr/bin/env", ["python3", script, file], in: folder) }
    try #require(run.status == 0, "xlsx-cells.py: \(String(decoding: run.errors, as: UTF8.self))")
    let book = try JSONDecoder().decode(ReadBack.self, from: run.output)
    #expect(book.sheets == ["客服访谈信息登记表 \(month)"])
    #expect(book.rows.first == Self.registerHeaders)
    // Empty trailing cells are not written: compare without them.
    let trimmed = { (row: [String]) in Array(row.reversed().drop(while: \.isEmpty).reversed()) }
    #expect(book.rows.dropFirst().map(trimmed) == cells.map(trimmed))
    #expect(cells.allSatisfy { $0.count == Self.registerHeaders.count })
  }
}
