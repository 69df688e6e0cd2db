/// Fits text to a vendor's byte budget: whole lines from the top (the producers put the most urgent first), then
/// a line saying how many items were left out and where to read them all; never a line or a character cut in
/// two, unless the first line alone is too long.
enum TextLimit {
  /// `text` when it fits in `bytes` UTF-8 bytes, else its first lines that fit with a last line saying how many
  /// items (`- ` lines, else non-empty lines) were left out, and `link` to the page with all of them when given.
  ///
  /// Decision: a heading (a line that is not a `- ` item) is not kept as the last line above the marker when
  /// items were left out: a heading whose items all fell off says nothing.
  static func truncated(_ text: String, bytes: Int, link: String? = nil) -> String {
    guard text.utf8.count > bytes else { return text }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let left = LeftOut(lines)
    var keep = 0
    var used = 0
    while keep < lines.count {
      let next = used + (keep == 0 ? 0 : 1) + lines[keep].utf8.count
      guard next + 1 + left.marker(from: keep + 1, link: link).utf8.count <= bytes else { break }
      used = next
      keep += 1
    }
    while keep > 1 && !isItem(lines[keep - 1]) && left.items[keep] > 0 { keep -= 1 }
    guard keep > 0 else {
      // The first line alone is too long: the one place a line is cut, at a character.
      let rest = lines.count > 1 ? "\n" + left.marker(from: 1, link: link) : ""
      return cut(String(lines[0]), bytes: bytes - cutMark.utf8.count - rest.utf8.count) + cutMark + rest
    }
    return lines[..<keep].joined(separator: "\n") + "\n" + left.marker(from: keep, link: link)
  }

  /// How many items (and non-empty lines) follow each line, counted once, so fitting a long list stays linear.
  private struct LeftOut {
    /// `items[i]`: the `- ` items among lines `i...`.
    var items: [Int]
    /// `nonEmpty[i]`: the non-empty lines among lines `i...`.
    var nonEmpty: [Int]

    init(_ lines: [Substring]) {
      items = Array(repeating: 0, count: lines.count + 1)
      nonEmpty = items
      for index in lines.indices.reversed() {
        items[index] = items[index + 1] + (isItem(lines[index]) ? 1 : 0)
        nonEmpty[index] = nonEmpty[index + 1] + (lines[index].isEmpty ? 0 : 1)
      }
    }

    /// The marker for the lines from `index` on.
    func marker(from index: Int, link: String?) -> String {
      TextLimit.marker(count: items[index] > 0 ? items[index] : nonEmpty[index], link: link)
    }
  }

  /// The longest fitting of `text` whose request, as `size` measures it (the encoded body around the text), is
  /// at most `limit` bytes: for vendors that limit the whole request, JSON escapes and envelope included.
  static func fitted(_ text: String, limit: Int, link: String? = nil, size: (String) -> Int) -> String {
    var budget = limit - size("")
    while true {
      let fitted = truncated(text, bytes: max(0, budget), link: link)
      let over = size(fitted) - limit
      if over <= 0 || budget <= 0 { return fitted }
      budget -= over
    }
  }

  /// What ends a line cut short.
  static let cutMark = "…（已截断）"

  /// `…还有 N 项未列出` (N the items left out, or the non-empty lines when none is an item), then `，详见 LINK`
  /// when there is a page to read them on.
  static func marker(count: Int, link: String?) -> String {
    "…还有 \(count) 项未列出" + (link.map { "，详见 \($0)" } ?? "")
  }

  private static func isItem(_ line: Substring) -> Bool { line.hasPrefix("- ") }

  /// The longest prefix of `text` within `bytes`, cut at a character boundary.
  private static func cut(_ text: String, bytes: Int) -> String {
    var budget = bytes
    var kept = ""
    for character in text {
      budget -= character.utf8.count
      if budget < 0 { break }
      kept.append(character)
    }
    return kept
  }
}
