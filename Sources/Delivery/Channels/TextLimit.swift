/// Cuts text to a byte budget at a character boundary, saying it was cut.
enum TextLimit {
  static let marker = "\n…（内容过长，已截断）"

  /// `text` when it fits in `bytes` UTF-8 bytes, else its longest prefix that fits with the marker.
  static func truncated(_ text: String, bytes: Int) -> String {
    guard text.utf8.count > bytes else { return text }
    var budget = bytes - marker.utf8.count
    var kept = ""
    for character in text {
      budget -= character.utf8.count
      if budget < 0 { break }
      kept.append(character)
    }
    return kept + marker
  }
}
