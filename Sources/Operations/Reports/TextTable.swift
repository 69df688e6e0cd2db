import Foundation

/// A titled table: printed with aligned columns, or written as CSV.
public struct TextTable: Sendable {
  /// The line above the table; empty for none.
  public var title = ""
  /// The column headers.
  public let headers: [String]
  /// The rows, each as wide as `headers`.
  public var rows: [[String]] = []

  /// A table with `headers`, under `title`.
  public init(_ title: String = "", headers: [String]) {
    self.title = title
    self.headers = headers
  }

  /// Appends a row.
  public mutating func append(_ row: [String]) { rows.append(row) }

  /// The table as aligned text: numbers right-aligned, CJK characters counted two columns wide, every cell
  /// shown safely (see `shown`).
  public var text: String {
    let headers = headers.map(TextTable.shown)
    let rows = rows.map { $0.map(TextTable.shown) }
    let widths = headers.indices.map { column in
      ([headers] + rows).map { TextTable.width($0[column]) }.max() ?? 0
    }
    let numeric = headers.indices.map { column in
      !rows.isEmpty && rows.allSatisfy { TextTable.isNumber($0[column]) }
    }
    var lines = title.isEmpty ? [] : [title]
    for row in [headers] + rows {
      let cells = row.indices.map { column in
        TextTable.pad(row[column], to: widths[column], right: numeric[column] && row != headers)
      }
      var line = cells.joined(separator: "  ")
      while line.last == " " { line.removeLast() }
      lines.append(line)
    }
    if rows.isEmpty { lines.append("(none)") }
    return lines.joined(separator: "\n")
  }

  /// The widest a cell is shown in a text table, in terminal columns.
  public static let maxCellColumns = 60

  /// `text` fit for a terminal: control characters (an escape sequence from an imported name) shown as
  /// `\u{1B}`, and a cell wider than `maxCellColumns` cut with `…`, so that one odd value cannot drive the
  /// terminal or pad every line of a listing to megabytes. CSV and JSON keep the value as it is.
  public static func shown(_ text: String) -> String {
    var result = ""
    var columns = 0
    for scalar in text.unicodeScalars {
      let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
      let piece = control ? "\\u{\(String(scalar.value, radix: 16, uppercase: true))}" : String(scalar)
      let added = piece.unicodeScalars.reduce(0) { $0 + Self.columns($1.value) }
      if columns + added > maxCellColumns - 1 { return result + "…" }
      result += piece
      columns += added
    }
    return result
  }

  /// The table as CSV records (the title as a record of its own when there is one).
  public func write(to writer: inout CSVWriter) {
    if !title.isEmpty { writer.write([title]) }
    writer.write(headers)
    for row in rows { writer.write(row) }
  }

  /// The columns a text takes on a terminal: two for East Asian wide characters, none for combining marks.
  public static func width(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + columns($1.value) }
  }

  private static func columns(_ scalar: UInt32) -> Int {
    switch scalar {
    case 0x0300...0x036F, 0x200B...0x200F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }

  private static func pad(_ text: String, to width: Int, right: Bool) -> String {
    let fill = String(repeating: " ", count: max(0, width - TextTable.width(text)))
    return right ? fill + text : text + fill
  }

  private static func isNumber(_ text: String) -> Bool {
    Double(text.hasSuffix("%") ? String(text.dropLast()) : text) != nil
  }

}
