/// Finds the first place a TOML text nests deeper than a limit (or has a header the parser aborts on),
/// without parsing it.
///
/// Decision: the TOML parser recurses once per nesting level and overflows the stack on deep input
/// (`[a.a.a.…]` with 50,000 keys), so depth is measured here first. The measure is deliberately
/// simple: the keys of the current table header, plus the keys of a dotted key, plus the inline tables
/// and arrays open around a value. Strings and comments are skipped; anything else is left to the parser,
/// but for a header's first character (see `badHeaderStart`).
struct NestingScanner {
  /// Where the text first nests too deep, or first has a header the parser would abort on.
  struct Excess: Equatable {
    /// The 1-based line.
    let line: Int
    /// The depth reached there.
    let depth: Int
    /// For text the parser would abort on rather than reject: what is wrong and what was expected.
    var unparsable: String?
  }

  private let bytes: [UInt8]
  private let limit: Int
  private var index = 0
  private var line = 1
  private var headerDepth = 0
  /// Open `{` and `[` of the current value.
  private var brackets: [UInt8] = []
  /// Dotted-key segments of each key being read (the statement's, then one per open inline table).
  private var keyDepths: [Int] = [0]
  private var expectingKey = true
  /// After an array's `[` or `,`, until its next value.
  private var awaitingArrayValue = false

  /// The first place `text` nests deeper than `limit`, or nil.
  static func firstExcess(in text: String, limit: Int) -> Excess? {
    var scanner = NestingScanner(bytes: Array(text.utf8), limit: limit)
    return scanner.scan()
  }

  private init(bytes: [UInt8], limit: Int) {
    self.bytes = bytes
    self.limit = limit
  }

  private var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

  private var depth: Int { headerDepth + keyDepths.reduce(0, +) + brackets.count }

  private mutating func scan() -> Excess? {
    // The parser skips a byte order mark; so must the check for what starts a line.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    while index < bytes.count {
      if let excess = step() { return excess }
    }
    return nil
  }

  private mutating func step() -> Excess? {
    let byte = current
    if awaitingArrayValue, let excess = arrayValueStart(byte) { return excess }
    switch byte {
    case 0x0A:
      line += 1
      index += 1
      if brackets.isEmpty { startStatement() }
    case 0x23: skipComment()
    case 0x22, 0x27: skipString(quote: byte)
    case 0x5B where brackets.isEmpty && expectingKey && atLineStart(): return header()
    case 0x5B, 0x7B: return open(byte)
    case 0x5D, 0x7D: close()
    case 0x2E where expectingKey: return dot()
    case 0x3D where expectingKey:
      expectingKey = false
      index += 1
      return excessIfDeep(keyDepth: 1)
    case 0x2C:
      if brackets.last == 0x7B { beginInlineKey() }
      awaitingArrayValue = brackets.last == 0x5B
      index += 1
    default: index += 1
    }
    return nil
  }

  private mutating func startStatement() {
    keyDepths = [0]
    expectingKey = true
  }

  private mutating func beginInlineKey() {
    keyDepths[keyDepths.count - 1] = 0
    expectingKey = true
  }

  private func atLineStart() -> Bool {
    var back = index - 1
    while back >= 0, bytes[back] == 0x20 || bytes[back] == 0x09 { back -= 1 }
    return back < 0 || bytes[back] == 0x0A || bytes[back] == 0x0D
      || (back == 2 && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
  }

  /// `[a.b.c]` or `[[a.b]]`: the header's key count becomes the base depth of what follows.
  private mutating func header() -> Excess? {
    index += current == 0x5B && index + 1 < bytes.count && bytes[index + 1] == 0x5B ? 2 : 1
    if let start = badHeaderStart() {
      return Excess(
        line: line, depth: 0,
        unparsable: "a table header starting with \(start); "
          + "expected a key (letters, digits, - or _) or a quoted key after '['")
    }
    var segments = 1
    while index < bytes.count, current != 0x5D, current != 0x0A {
      switch current {
      case 0x22, 0x27: skipString(quote: current)
      case 0x2E:
        segments += 1
        index += 1
        if segments > limit { return Excess(line: line, depth: segments) }
      default: index += 1
      }
    }
    headerDepth = segments
    while current == 0x5D { index += 1 }
    startStatement()
    return nil
  }

  /// What a header starts with when it is not a key, a quote or `]`.
  ///
  /// Decision: toml++ 3 asserts (aborting a debug build, undefined in a release one) when a header's
  /// first key starts with anything else (`[{a]`, `[=]`, `[` alone on its line), so those are refused here.
  private mutating func badHeaderStart() -> String? {
    while current == 0x20 || current == 0x09 { index += 1 }
    guard index < bytes.count else { return nil }
    let byte = current
    let isKeyStart =
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
      || [0x2D, 0x5F, 0x22, 0x27, 0x5D].contains(byte)
    if isKeyStart { return nil }
    if byte == 0x0A || byte == 0x0D { return "the end of the line" }
    var end = index + 1
    while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
    return "'" + String(decoding: bytes[index..<end], as: UTF8.self) + "'"
  }

  /// Decision: toml++ 3 asserts (aborting a debug build, undefined in a release one) on a `}` where an
  /// array expects a value (`[}`, `[1, }]`), so that is refused here.
  private mutating func arrayValueStart(_ byte: UInt8) -> Excess? {
    switch byte {
    case 0x20, 0x09, 0x0A, 0x0D, 0x23: return nil
    case 0x7D:
      return Excess(
        line: line, depth: 0, unparsable: "'}' where an array expects a value; expected a value or ']'")
    default:
      awaitingArrayValue = false
      return nil
    }
  }

  private mutating func dot() -> Excess? {
    keyDepths[keyDepths.count - 1] += 1
    index += 1
    return excessIfDeep(keyDepth: 1)
  }

  private mutating func open(_ byte: UInt8) -> Excess? {
    brackets.append(byte)
    index += 1
    if byte == 0x7B {
      keyDepths.append(0)
      expectingKey = true
    } else {
      expectingKey = false
      awaitingArrayValue = true
    }
    return excessIfDeep(keyDepth: 0)
  }

  private mutating func close() {
    if brackets.popLast() == 0x7B, keyDepths.count > 1 { keyDepths.removeLast() }
    expectingKey = false
    index += 1
  }

  /// `keyDepth` counts the key being read (1 once it has a name), which the stored depths leave out.
  private func excessIfDeep(keyDepth: Int) -> Excess? {
    let total = depth + keyDepth
    return total > limit ? Excess(line: line, depth: total) : nil
  }

  private mutating func skipComment() {
    while index < bytes.count, current != 0x0A { index += 1 }
  }

  /// Skips a basic or literal string, single- or multi-line, counting the lines it spans.
  private mutating func skipString(quote: UInt8) {
    let triple = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
    index += triple ? 3 : 1
    while index < bytes.count {
      let byte = current
      if byte == 0x5C, quote == 0x22 {
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { line += 1 }
        index += 2
        continue
      }
      if byte == 0x0A {
        line += 1
        if !triple { return }
      }
      if byte == quote,
        !triple || (index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote)
      {
        index += triple ? 3 : 1
        // A multi-line string may end with up to two more quotes ("""a"""" ends in a quote).
        while triple, current == quote { index += 1 }
        return
      }
      index += 1
    }
  }
}
