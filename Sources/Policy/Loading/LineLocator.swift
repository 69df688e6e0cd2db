import Foundation

/// Finds the line of a key in a file's text by scanning its table headers: small, and honest about guessing.
struct LineLocator {
  private struct Block {
    let form: TableRef.Form
    let header: Int?
    let lines: Range<Int>
  }

  private let lines: [String]
  private let blocks: [Block]

  /// A locator over the text of one file.
  init(text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      LineLocator.stripComment(String($0)).trimmingCharacters(in: .whitespaces)
    }
    blocks = LineLocator.blocks(of: lines)
  }

  /// The 1-based line of `key` in `table` (of `value` inside it, when given); the table's line if the key is absent.
  func line(of table: TableRef, key: String?, value: String? = nil) -> Int? {
    guard let (start, extent) = keyRange(table) else { return key.flatMap { headerLine(table, $0) } }
    guard let key, let keyLine = find(key, in: extent) else {
      return key.flatMap { headerLine(table, $0) } ?? start.map { $0 + 1 }
    }
    guard let value else { return keyLine + 1 }
    return (valueLine(value, from: keyLine, in: extent) ?? keyLine) + 1
  }

  private func keyRange(_ table: TableRef) -> (Int?, Range<Int>)? {
    switch table.form {
    case .root, .table, .arrayTable:
      if let block = blocks.first(where: { $0.form == table.form }) { return (block.header, block.lines) }
      guard case .table(let name) = table.form, let root = blocks.first else { return nil }
      return inline(name, in: root)
    case .inlineElement(let name, _):
      guard let root = blocks.first else { return nil }
      return inline(name, in: root)
    }
  }

  private func inline(_ name: String, in root: Block) -> (Int?, Range<Int>)? {
    guard let line = find(name, in: root.lines) else { return nil }
    return (line, line..<extentEnd(after: line, limit: root.lines.upperBound))
  }

  /// The 1-based line of a header or dotted key that writes `key` of `table` as a table of its own
  /// (`[trigge]`, `[[trigger]]`, `[trigger.extra]`, `trigger.extra = …`).
  private func headerLine(_ table: TableRef, _ key: String) -> Int? {
    let path: String
    switch table.form {
    case .root: path = key
    case .table(let name): path = LineLocator.normalized(Substring(name)) + "." + key
    case .arrayTable, .inlineElement: return nil
    }
    let index = lines.indices.first { index in
      let line = lines[index]
      let name: String
      if line.hasPrefix("[") {
        name = LineLocator.normalized(line.drop { $0 == "[" }.prefix { $0 != "]" })
      } else if let key = LineLocator.key(of: line) {
        name = LineLocator.normalized(Substring(key))
      } else {
        return false
      }
      return name == path || name.hasPrefix(path + ".")
    }
    return index.map { $0 + 1 }
  }

  /// A dotted name without the spaces and quotes TOML allows around its parts.
  private static func normalized(_ name: Substring) -> String {
    name.split(separator: ".", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
    }.joined(separator: ".")
  }

  private func find(_ key: String, in range: Range<Int>) -> Int? {
    range.first { LineLocator.key(of: lines[$0]) == key }
  }

  private func valueLine(_ value: String, from keyLine: Int, in range: Range<Int>) -> Int? {
    let end = extentEnd(after: keyLine, limit: range.upperBound)
    let quoted = (keyLine..<end).first {
      lines[$0].contains("\"\(value)\"") || lines[$0].contains("'\(value)'")
    }
    return quoted ?? (keyLine..<end).first { lines[$0].contains(value) }
  }

  private func extentEnd(after keyLine: Int, limit: Int) -> Int {
    ((keyLine + 1)..<max(keyLine + 1, limit)).first {
      LineLocator.key(of: lines[$0]) != nil || lines[$0].hasPrefix("[")
    } ?? limit
  }

  private static func key(of line: String) -> String? {
    guard let equals = line.firstIndex(of: "="), !line.hasPrefix("[") else { return nil }
    let key = line[..<equals].trimmingCharacters(in: .whitespaces)
    guard !key.isEmpty, !key.contains("{"), !key.contains(",") else { return nil }
    return key.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
  }

  private static func blocks(of lines: [String]) -> [Block] {
    var result: [Block] = []
    var counts: [String: Int] = [:]
    var current = (form: TableRef.Form.root, header: Int?.none, start: 0)
    for (index, line) in lines.enumerated() {
      guard let form = header(line, counts: &counts) else { continue }
      result.append(Block(form: current.form, header: current.header, lines: current.start..<index))
      current = (form, index, index + 1)
    }
    result.append(Block(form: current.form, header: current.header, lines: current.start..<lines.count))
    return result
  }

  private static func header(_ line: String, counts: inout [String: Int]) -> TableRef.Form? {
    if line.hasPrefix("[["), let end = line.range(of: "]]") {
      let name = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
        .trimmingCharacters(in: .whitespaces)
      counts[name, default: 0] += 1
      return .arrayTable(name, counts[name] ?? 1)
    }
    guard line.hasPrefix("["), let end = line.firstIndex(of: "]") else { return nil }
    return .table(line[line.index(after: line.startIndex)..<end].trimmingCharacters(in: .whitespaces))
  }

  private static func stripComment(_ line: String) -> String {
    var quote: Character?
    for index in line.indices {
      let character = line[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        quote = character
      } else if character == "#" {
        return String(line[..<index])
      }
    }
    return line
  }
}
