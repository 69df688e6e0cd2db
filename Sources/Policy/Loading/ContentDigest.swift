/// A 64-bit FNV-1a digest of texts, stable across processes and machines (unlike `Hasher`).
struct ContentDigest {
  private var state: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Adds a text and a separator, so that ("ab", "c") and ("a", "bc") differ.
  mutating func add(_ text: String) {
    for byte in text.utf8 { mix(byte) }
    mix(0)
  }

  private mutating func mix(_ byte: UInt8) {
    state = (state ^ UInt64(byte)) &* 0x100_0000_01b3
  }

  /// The digest as 16 hex digits.
  var hex: String {
    let digits = String(state, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
