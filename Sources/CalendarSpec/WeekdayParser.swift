/// The leading weekday list: `Mon`, `Sat,Sun`, `Mon..Fri`, `Monday-Wednesday`.
extension CalendarParser {
  private static let names: [(String, Int)] = [
    ("monday", 0), ("mon", 0), ("tuesday", 1), ("tue", 1), ("wednesday", 2), ("wed", 2),
    ("thursday", 3), ("thu", 3), ("friday", 4), ("fri", 4), ("saturday", 5), ("sat", 5),
    ("sunday", 6), ("sun", 6),
  ]

  /// Parses the weekdays, if the expression starts with one, into `fields.weekdays`.
  mutating func parseWeekdays() throws(CalendarSpecError) {
    var rangeStart = -1
    var first = true
    let listStart = cursor.index
    while true {
      guard let day = try nextWeekday() else {
        if first { return }
        throw failure(cursor.word, "unknown weekday (expected Mon..Sun)")
      }
      fields.weekdays |= 1 << day
      if rangeStart >= 0 {
        guard rangeStart <= day else {
          let text = String(decoding: cursor.bytes[listStart..<cursor.index], as: UTF8.self)
          throw failure(text, "weekday range runs backwards")
        }
        for between in rangeStart..<day { fields.weekdays |= 1 << between }
      }
      if cursor.atEnd { return }
      if cursor.current == 0x20 {
        cursor.skipSpaces()
        return
      }
      rangeStart = try rangeSeparator(day: day, rangeStart: rangeStart)
      if cursor.atEnd || cursor.current == 0x20 {
        cursor.skipSpaces()
        guard rangeStart < 0 else { throw unexpected("open weekday range") }
        return
      }
      first = false
    }
  }

  /// Consumes one weekday name and returns its number (0 = Monday), nil when none is there.
  private mutating func nextWeekday() throws(CalendarSpecError) -> Int? {
    for (name, number) in Self.names where cursor.consume(caseInsensitive: name) {
      switch cursor.current {
      case 0, 0x2D, 0x2E, 0x2C, 0x20: return number
      default:
        cursor.index -= name.utf8.count
        throw failure(cursor.word, "unknown weekday (expected Mon..Sun)")
      }
    }
    return nil
  }

  /// Handles `..`, `-` or `,` after a weekday; returns the start of an open range or -1.
  private mutating func rangeSeparator(day: Int, rangeStart: Int) throws(CalendarSpecError) -> Int {
    switch cursor.current {
    case 0x2E:
      guard rangeStart < 0, cursor.peek(1) == 0x2E else { throw unexpected("bad weekday range") }
      cursor.index += 2
      return day
    case 0x2D:
      guard rangeStart < 0 else { throw unexpected("bad weekday range") }
      cursor.index += 1
      return day
    default:
      cursor.index += 1
      return -1
    }
  }
}
