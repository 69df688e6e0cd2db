import Foundation
import Spreadsheets
import Testing

/// What `scripts/xlsx-cells.py` reads back from a workbook.
struct ReadBack: Decodable {
  let sheets: [String]
  let contentType: String?
  let rows: [[String]]

  /// Reads sheet `number` of the workbook at `path` with Python's zipfile and XML parser (stdlib only).
  static func read(_ path: String, sheet number: Int = 1) throws -> ReadBack {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../scripts/xlsx-cells.py").standardized.path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, path, String(number)]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "xlsx-cells.py failed on \(path)")
    return try JSONDecoder().decode(ReadBack.self, from: data)
  }
}

@Suite struct WorkbookTests {
  @Test func aWorkbookIsAnOOXMLZipHoldingTheHeadersAndRowsAsText() throws {
    let path = NSTemporaryDirectory() + "workbook-\(UUID().uuidString).xlsx"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let rows = [
      ["H1@1", "H1", "0012", "=1+1", "业主反映电梯噪音；希望尽快处理"],
      ["H2@2", "H2", "", "张*", "line one\nline two"],
    ]
    try Workbook.write(
      [
        SheetTable(name: "客服访谈信息登记表 2026-12", headers: ["访谈编号", "户号", "房号", "备注", "需求"], rows: rows),
        SheetTable(name: "second", headers: ["a"], rows: [["b"]]),
      ], to: path)

    let book = try ReadBack.read(path)
    #expect(book.sheets == ["客服访谈信息登记表 2026-12", "second"])
    #expect(book.contentType == "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
    #expect(book.rows.first == ["访谈编号", "户号", "房号", "备注", "需求"])
    // Text stays text: the leading zero is kept and `=1+1` is not a formula.
    #expect(Array(book.rows.dropFirst()) == rows)
    #expect(try ReadBack.read(path, sheet: 2).rows == [["a"], ["b"]])
  }

  @Test func bytesAreTheSameWorkbook() throws {
    let bytes = try Workbook.bytes([SheetTable(name: "x", headers: ["h"], rows: [["v"]])])
    #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip starts with PK\\3\\4")
    let path = NSTemporaryDirectory() + "bytes-\(UUID().uuidString).xlsx"
    defer { try? FileManager.default.removeItem(atPath: path) }
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    #expect(try ReadBack.read(path).rows == [["h"], ["v"]])
  }

  @Test func sheetNamesAreMadeFitForExcel() throws {
    let path = NSTemporaryDirectory() + "names-\(UUID().uuidString).xlsx"
    defer { try? FileManager.default.removeItem(atPath: path) }
    let long = String(repeating: "长", count: 40)
    try Workbook.write(
      [
        SheetTable(name: "a/b:c", headers: [], rows: []), SheetTable(name: "A/B:C", headers: [], rows: []),
        SheetTable(name: long, headers: [], rows: []),
      ], to: path)
    #expect(try ReadBack.read(path).sheets == ["a_b_c", "A_B_C (2)", String(repeating: "长", count: 31)])
  }
}
