/// Lists, ranges and repetitions of one field: `*`, `5`, `1,15`, `1..5`, `0/15`, `1..7/2`, `0/0.5`.
extension CalendarParser {
  private static let maxComponents = 240
  private static let maxValue = Int(Int32.max)

  /// Parses one field; nil means `*`. `seconds` reads microsecond values with fractions.
  mutating func parseChain(seconds: Bool) throws(CalendarSpecError) -> CalendarChain {
    if cursor.current == 0x2A {
      cursor.index += 1
      return seconds ? [CalendarComponent(start: 0, repeatBy: CalendarFields.microsPerSecond)] : nil
    }
    var chain: [CalendarComponent] = []
    while true {
      guard chain.count <= Self.maxComponents else { throw unexpected("too many list elements") }
      chain.append(try parseComponent(seconds: seconds))
      guard cursor.current == 0x2C else { return chain }
      cursor.index += 1
    }
  }

  private mutating func parseComponent(seconds: Bool) throws(CalendarSpecError) -> CalendarComponent {
    let begin = cursor.index
    var component = CalendarComponent(start: try parseDecimal(seconds: seconds))
    if cursor.current == 0x2E && cursor.peek(1) == 0x2E {
      cursor.index += 2
      component.stop = try parseDecimal(seconds: seconds)
      component.repeatBy = seconds ? CalendarFields.microsPerSecond : 1
    }
    if cursor.current == 0x2F {
      cursor.index += 1
      component.repeatBy = try parseDecimal(seconds: seconds)
      guard component.repeatBy != 0 else { throw text(from: begin, "repetition by 0") }
    } else {
      guard component.start <= Self.maxValue - component.repeatBy else {
        throw text(from: begin, "number too large")
      }
      if seconds && component.stop >= 0 && component.start + component.repeatBy > component.stop {
        throw text(from: begin, "empty range")
      }
    }
    switch cursor.current {
    case 0, 0x20, 0x2C, 0x2D, 0x7E, 0x3A: return component
    default: throw unexpected()
    }
  }

  /// A decimal number; for seconds it is returned in microseconds and may have a fraction.
  private mutating func parseDecimal(seconds: Bool) throws(CalendarSpecError) -> Int {
    guard cursor.atDigit else { throw unexpected("expected a number") }
    let begin = cursor.index
    var value = 0
    while cursor.atDigit {
      value = value * 10 + Int(cursor.current - 0x30)
      cursor.index += 1
      guard value <= Self.maxValue else { throw text(from: begin, "number too large") }
    }
    if seconds {
      value *= CalendarFields.microsPerSecond
      if cursor.current == 0x2E && cursor.peek(1) != 0x2E {
        cursor.index += 1
        value += try parseFraction()
      }
    }
    guard value <= Self.maxValue else { throw text(from: begin, "number too large") }
    return value
  }

  /// Six digits of a fraction, rounded on the seventh, like systemd's `parse_fractional_part_u`.
  private mutating func parseFraction() throws(CalendarSpecError) -> Int {
    guard cursor.atDigit else { throw unexpected("expected digits after '.'") }
    var value = 0
    for _ in 0..<6 {
      value *= 10
      if cursor.atDigit {
        value += Int(cursor.current - 0x30)
        cursor.index += 1
      }
    }
    if cursor.current >= 0x35 && cursor.current <= 0x39 { value += 1 }
    while cursor.atDigit { cursor.index += 1 }
    return value
  }

  /// An error naming the text from `begin` to the cursor.
  private func text(from begin: Int, _ reason: String) -> CalendarSpecError {
    let end = max(cursor.index, min(begin + 1, cursor.bytes.count))
    return failure(String(decoding: cursor.bytes[begin..<end], as: UTF8.self), reason)
  }
}
