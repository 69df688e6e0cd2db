import Foundation
import Store

/// Which field of a record holds which column, read from the header line (Chinese or English names).
struct HeaderMap {
  let kind: FactFileKind
  let width: Int
  /// Column keys, their UTF-8 lengths and positions: a few entries, searched in order comparing lengths first
  /// (cheaper than hashing the key of every field read).
  private var positions: [(key: String, length: Int, position: Int)] = []
  /// The column of each field, nil for a field of an unknown or repeated column (ignored).
  private var columns: [Column?]
  /// What each field holds, as `columns` (read for every field of every row, so kept apart from the names).
  private var contents: [ColumnContent?]

  /// Maps the header; unknown, repeated and missing required columns are reported as issues of line 1.
  init(_ header: CSVRecord, kind: FactFileKind, file: String, issues: inout [ImportIssue]) {
    self.kind = kind
    width = header.fields.count
    columns = Array(repeating: nil, count: width)
    contents = Array(repeating: nil, count: width)
    for (position, raw) in header.fields.enumerated() {
      let name = raw.trimmingCharacters(in: .whitespaces)
      guard let column = HeaderMap.column(named: name, in: kind) else {
        let known = kind.columns.map(\.chinese).joined(separator: "/")
        let shown = HeaderMap.printable(name)
        issues.append(
          issue(
            file, nil, "'\(shown)' is not a column of \(kind.fileName); expected \(known) or English names"))
        continue
      }
      if self.position(of: column.key) != nil {
        issues.append(issue(file, column.display, "appears twice in the header"))
        continue
      }
      positions.append((column.key, column.key.utf8.count, position))
      columns[position] = column
      contents[position] = column.content
    }
    for column in kind.columns where column.required && position(of: column.key) == nil {
      issues.append(issue(file, column.display, "is missing from the header"))
    }
  }

  /// The position of the column with English key `key`, nil when the file has no such column.
  func position(of key: String) -> Int? {
    let length = key.utf8.count
    return positions.first { $0.length == length && $0.key == key }?.position
  }

  /// The column of the field at `position`, nil when the field is ignored.
  func column(at position: Int) -> Column? { position < columns.count ? columns[position] : nil }

  /// What the field at `position` holds, nil when the field is ignored.
  func content(at position: Int) -> ColumnContent? { position < contents.count ? contents[position] : nil }

  /// A name as a message shows it: control characters written `\u{1B}`, cut after 64 bytes, so that a hostile
  /// header neither drives the terminal nor floods it.
  private static func printable(_ name: String) -> String {
    var shown = ""
    for scalar in name.unicodeScalars {
      guard shown.utf8.count < 64 else { return shown + "…" }
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        shown += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }

  private static func column(named name: String, in kind: FactFileKind) -> Column? {
    let lower = name.lowercased()
    return kind.columns.first { $0.key == lower || $0.chinese == name || $0.aliases.contains(name) }
  }
}

private func issue(_ file: String, _ column: String?, _ message: String) -> ImportIssue {
  ImportIssue(file: file, line: 1, column: column, message: message)
}
