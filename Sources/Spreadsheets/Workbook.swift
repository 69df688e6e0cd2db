import CXLSXWriter
import Foundation

/// Writes sheets of text as an Office Open XML workbook (.xlsx) with libxlsxwriter.
///
/// Decisions: every cell is written as a string (codes, room numbers and phone numbers keep their leading
/// zeros, and a cell starting with `=` is text, never a formula); the workbook is streamed row by row
/// (libxlsxwriter's constant-memory mode), so a sheet of a million cells takes a few megabytes.
public enum Workbook {
  /// The MIME type of an .xlsx file.
  public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

  /// The most characters Excel keeps in a cell; longer text is cut there.
  public static let maxCellCharacters = 32_767

  /// Writes `sheets` (at least one; an empty list writes one empty sheet) to the file at `path`, replacing it.
  public static func write(_ sheets: [SheetTable], to path: String) throws {
    var options = lxw_workbook_options(constant_memory: 1, tmpdir: nil, use_zip64: 1)
    guard let workbook = workbook_new_opt(path, &options) else {
      throw SpreadsheetError("cannot create the workbook \(path)")
    }
    let bold = workbook_add_format(workbook)
    format_set_bold(bold)
    var names: Set<String> = []
    for sheet in sheets.isEmpty ? [SheetTable(name: "Sheet1", headers: [], rows: [])] : sheets {
      let name = sheetName(sheet.name, taken: names)
      names.insert(name)
      guard let worksheet = workbook_add_worksheet(workbook, name) else {
        workbook_close(workbook)
        throw SpreadsheetError("cannot add the sheet '\(name)' to \(path)")
      }
      if !sheet.headers.isEmpty {
        worksheet_freeze_panes(worksheet, 1, 0)
        worksheet_set_column(worksheet, 0, lxw_col_t(sheet.headers.count - 1), 14, nil)
      }
      var failure: lxw_error = LXW_NO_ERROR
      for index in 0...sheet.rows.count where failure == LXW_NO_ERROR {
        if index == 0 && sheet.headers.isEmpty { continue }
        let row = index == 0 ? sheet.headers : sheet.rows[index - 1]
        for (column, cell) in row.enumerated() where !cell.isEmpty {
          failure = worksheet_write_string(
            worksheet, lxw_row_t(index), lxw_col_t(column), Self.cut(cell), index == 0 ? bold : nil)
          if failure != LXW_NO_ERROR { break }
        }
      }
      if failure != LXW_NO_ERROR {
        workbook_close(workbook)
        throw SpreadsheetError("sheet '\(name)': \(String(cString: lxw_strerror(failure)))")
      }
    }
    let closed = workbook_close(workbook)
    guard closed == LXW_NO_ERROR else {
      throw SpreadsheetError("cannot write \(path): \(String(cString: lxw_strerror(closed)))")
    }
  }

  /// `cell` cut at `maxCellCharacters` (counted only when its bytes could exceed them).
  private static func cut(_ cell: String) -> String {
    guard cell.utf8.count > maxCellCharacters, cell.count > maxCellCharacters else { return cell }
    return String(cell.prefix(maxCellCharacters))
  }

  /// `sheets` as the bytes of an .xlsx file (written to a temporary file, read back and removed).
  public static func bytes(_ sheets: [SheetTable]) throws -> [UInt8] {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("visitd-\(UUID().uuidString).xlsx").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try write(sheets, to: path)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw SpreadsheetError("cannot read back \(path)")
    }
    return Array(data)
  }

  /// `name` as Excel accepts it, unique among `taken`: `[]:*?/\` replaced by `_`, at most 31 characters,
  /// `Sheet` when empty, a number added when taken.
  static func sheetName(_ name: String, taken: Set<String>) -> String {
    let cleaned = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 }.prefix(31))
      .trimmingCharacters(in: CharacterSet(charactersIn: "'"))
    let base = cleaned.isEmpty ? "Sheet" : cleaned
    var candidate = base
    var number = 2
    while taken.contains(where: { $0.lowercased() == candidate.lowercased() }) {
      let suffix = " (\(number))"
      candidate = String(base.prefix(31 - suffix.count)) + suffix
      number += 1
    }
    return candidate
  }
}

/// A workbook that could not be written.
public struct SpreadsheetError: Error, Sendable, CustomStringConvertible {
  /// What went wrong.
  public let description: String

  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}
