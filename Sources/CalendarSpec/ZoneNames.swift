import Foundation

/// Time zone names as systemd's `timezone_is_valid` accepts them, checked against Foundation's zone list.
enum ZoneNames {
  /// Whether `name` is a known IANA zone written the way systemd accepts it.
  static func isValid(_ name: String) -> Bool {
    guard hasValidSyntax(name) else { return false }
    let zone = withoutVariant(name)
    if zone == "UTC" { return true }
    return TimeZone(identifier: zone)?.identifier == zone
  }

  /// The zone for a valid name.
  static func zone(_ name: String) -> TimeZone? {
    let zone = withoutVariant(name)
    return zone == "UTC" ? TimeZone(secondsFromGMT: 0) : TimeZone(identifier: zone)
  }

  /// The tz database's `posix/` and `right/` copies of a zone, which systemd accepts, read as the zone.
  ///
  /// Decision: `posix/X` is the same data as `X`. `right/X` adds leap seconds and so assumes a clock that
  /// counts them; Linux clocks do not, and systemd then elapses 27 s late (09:00:27 for 09:00). We read
  /// `right/X` as `X`, so `09:00 right/Asia/Shanghai` elapses at 09:00 (docs/calendar.md).
  static func withoutVariant(_ name: String) -> String {
    for prefix in ["posix/", "right/"] where name.hasPrefix(prefix) {
      return String(name.dropFirst(prefix.count))
    }
    return name
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
