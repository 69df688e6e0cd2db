import Foundation

/// Time zone names as systemd's `timezone_is_valid` accepts them, checked against Foundation's zone list.
enum ZoneNames {
  /// Whether `name` is a known IANA zone written the way systemd accepts it.
  static func isValid(_ name: String) -> Bool {
    guard hasValidSyntax(name) else { return false }
    if name == "UTC" { return true }
    return TimeZone(identifier: name)?.identifier == name
  }

  /// The zone for a valid name.
  static func zone(_ name: String) -> TimeZone? {
    name == "UTC" ? TimeZone(secondsFromGMT: 0) : TimeZone(identifier: name)
  }

  /// Whether a rejected last word was probably meant as a zone (for a clearer error message).
  static func looksLikeZone(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, hasValidSyntax(name) else { return false }
    if name.contains("/") { return true }
    let upper = CharacterSet.uppercaseLetters.contains(first) && name.count >= 3
    let lettersOnly = name.unicodeScalars.allSatisfy { CharacterSet.letters.contains($0) }
    let weekday = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].contains {
      name.lowercased().hasPrefix($0)
    }
    return upper && lettersOnly && !weekday
  }

  /// Letters, digits, `-_+/`, no leading, trailing or doubled `/`.
  private static func hasValidSyntax(_ name: String) -> Bool {
    guard !name.isEmpty, !name.hasPrefix("/"), !name.hasSuffix("/"), !name.contains("//") else {
      return false
    }
    return name.utf8.allSatisfy { b in
      (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F
        || b == 0x2B
        || b == 0x2F
    }
  }
}
