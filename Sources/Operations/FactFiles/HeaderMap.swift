import Foundation
import Store

/// Which field of a record holds which column, read from the header line (Chinese or English names).
struct HeaderMap {
  let kind: FactFileKind
  let width: Int
  /// Column keys, their UTF-8 lengths and positions: a few entries, searched in order comparing lengths first
  /// (cheaper than hashing the key of every field read).
  private var positions: [(key: String, length: Int, position: Int)] = []

  /// Maps the header; unknown, repeated and missing required columns are reported as issues of line 1.
  init(_ header: CSVRecord, kind: FactFileKind, file: String, issues: inout [ImportIssue]) {
    self.kind = kind
    width = header.fields.count
    for (position, raw) in header.fields.enumerated() {
      let name = raw.trimmingCharacters(in: .whitespaces)
      guard let column = HeaderMap.column(named: name, in: kind) else {
        let known = kind.columns.map(\.chinese).joined(separator: "/")
        issues.append(
          issue(
            file, nil, "'\(name)' is not a column of \(kind.fileName); expected \(known) or English names"))
        continue
      }
      if self.position(of: column.key) != nil {
        issues.append(issue(file, column.display, "appears twice in the header"))
        continue
      }
      positions.append((column.key, column.key.utf8.count, position))
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

  private static func column(named name: String, in kind: FactFileKind) -> Column? {
    let lower = name.lowercased()
    return kind.columns.first { $0.key == lower || $0.chinese == name || $0.aliases.contains(name) }
  }
}

private func issue(_ file: String, _ column: String?, _ message: String) -> ImportIssue {
  ImportIssue(file: file, line: 1, column: column, message: message)
}
