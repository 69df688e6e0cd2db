/// The date part (`2026-*-15`, `*-02~03`, `12-25`, `@1700000000`) and the time part (`9:00`, `*:0/15:30`).
extension CalendarParser {
  /// Parses the date, if there is one. Returns true when the expression was a `@timestamp`,
  /// which also fixes the time.
  mutating func parseDate() throws(CalendarSpecError) -> Bool {
    if cursor.atEnd { return false }
    if cursor.current == 0x40 {
      try parseTimestamp()
      return true
    }
    let begin = cursor.index
    let first = try writtenChain()
    if cursor.current == 0 || cursor.current == 0x3A {
      cursor.index = begin
      return false
    }
    try dateSeparator()
    let second = try writtenChain()
    if cursor.current == 0 || cursor.current == 0x20 {
      cursor.skipSpaces()
      (fields.month, fields.day) = (first.chain, second.chain)
      (written["month"], written["day"]) = (first.text, second.text)
      return false
    }
    if fields.endOfMonth { throw unexpected("'~' may only come before the day") }
    try dateSeparator()
    let third = try writtenChain()
    guard cursor.current == 0 || cursor.current == 0x20 else { throw unexpected() }
    cursor.skipSpaces()
    (fields.year, fields.month, fields.day) = (first.chain, second.chain, third.chain)
    (written["year"], written["month"], written["day"]) = (first.text, second.text, third.text)
    return false
  }

  /// A field's chain and its text as written, which errors found after normalizing quote.
  private mutating func writtenChain(seconds: Bool = false) throws(CalendarSpecError)
    -> (chain: CalendarChain, text: String)
  {
    let begin = cursor.index
    let chain = try parseChain(seconds: seconds)
    return (chain, String(decoding: cursor.bytes[begin..<max(begin, cursor.index)], as: UTF8.self))
  }

  private mutating func dateSeparator() throws(CalendarSpecError) {
    switch cursor.current {
    case 0x7E: fields.endOfMonth = true
    case 0x2D: break
    default: throw unexpected("expected '-' or '~' in the date")
    }
    cursor.index += 1
  }

  /// `@SECONDS`: one fixed instant, in UTC. Like systemd (which reads the number with `strtoull`),
  /// whitespace and a `+` may come between `@` and the digits: `@ 15`, `@ +51`.
  private mutating func parseTimestamp() throws(CalendarSpecError) {
    cursor.index += 1
    while [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D].contains(cursor.current) { cursor.index += 1 }
    if cursor.current == 0x2B { cursor.index += 1 }
    guard cursor.atDigit else { throw unexpected("expected seconds since the epoch after '@'") }
    var seconds: Int64 = 0
    while cursor.atDigit {
      let (product, overflow) = seconds.multipliedReportingOverflow(by: 10)
      guard !overflow, product <= Int64.max / 1_000_000 - 10 else { throw unexpected("number too large") }
      seconds = product + Int64(cursor.current - 0x30)
      cursor.index += 1
    }
    let t = CivilDateTime(micros: seconds * 1_000_000)
    let fixed = { (v: Int) -> CalendarChain in [CalendarComponent(start: v)] }
    (fields.year, fields.month, fields.day) = (fixed(t.year), fixed(t.month), fixed(t.day))
    (fields.hour, fields.minute) = (fixed(t.hour), fixed(t.minute))
    fields.second = fixed(t.second * CalendarFields.microsPerSecond)
    fields.utc = true
  }

  /// Parses `HH:MM[:SS[.ffffff]]`; an absent time means 00:00:00.
  mutating func parseTime() throws(CalendarSpecError) {
    let zero: CalendarChain = [CalendarComponent(start: 0)]
    guard !cursor.atEnd else {
      (fields.hour, fields.minute, fields.second) = (zero, zero, zero)
      return
    }
    (fields.hour, written["hour"]) = try writtenChain()
    guard cursor.current == 0x3A else { throw unexpected("expected ':' after the hour") }
    cursor.index += 1
    (fields.minute, written["minute"]) = try writtenChain()
    guard !cursor.atEnd else {
      fields.second = zero
      return
    }
    guard cursor.current == 0x3A else { throw unexpected("expected ':' after the minute") }
    cursor.index += 1
    (fields.second, written["second"]) = try writtenChain(seconds: true)
  }
}
