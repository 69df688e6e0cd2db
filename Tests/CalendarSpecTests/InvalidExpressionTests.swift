import CalendarSpec
import Testing

/// Rejected expressions and the exact messages that name the wrong part.
@Suite struct InvalidExpressionTests {
  static let messages: [(String, String)] = [
    ("*-*-32", "invalid calendar expression '*-*-32': '32': day out of range 1..31"),
    ("25:00", "invalid calendar expression '25:00': '25': hour out of range 0..23"),
    ("Mon..Foo", "invalid calendar expression 'Mon..Foo': 'Foo': unknown weekday (expected Mon..Sun)"),
    ("*-13-01", "invalid calendar expression '*-13-01': '13': month out of range 1..12"),
    ("*-*-* 9:00 Foo/Bar", "invalid calendar expression '*-*-* 9:00 Foo/Bar': 'Foo/Bar': unknown time zone"),
    (
      "9:00 Europe/Berln",
      "invalid calendar expression '9:00 Europe/Berln': 'Europe/Berln': unknown time zone"
    ),
    ("", "invalid calendar expression '': empty expression"),
    ("hello world", "invalid calendar expression 'hello world': expected a number"),
    ("12:60", "invalid calendar expression '12:60': '60': minute out of range 0..59"),
    ("*:*:61", "invalid calendar expression '*:*:61': '61': second out of range 0..59"),
    ("2200-01-01", "invalid calendar expression '2200-01-01': '2200': year out of range 1970..2199"),
    ("Fri..Mon", "invalid calendar expression 'Fri..Mon': weekday range runs backwards"),
    ("*:0/60", "invalid calendar expression '*:0/60': '0/60': repetition too large for the minute"),
    ("5..3:00", "invalid calendar expression '5..3:00': '5..3': empty hour range"),
    ("1..7/0:00", "invalid calendar expression '1..7/0:00': '1..7/0': repetition by 0"),
    ("Mon 12", "invalid calendar expression 'Mon 12': expected ':' after the hour"),
    ("*-*~29", "invalid calendar expression '*-*~29': '29': day out of range 1..28"),
    (
      "*:*:1/59", "invalid calendar expression '*:*:1/59': '1/59': repetition never repeats within the second"
    ),
    ("12:00:00x", "invalid calendar expression '12:00:00x': 'x': unexpected text"),
  ]

  @Test(arguments: messages)
  func explainsTheWrongPart(_ expression: String, _ message: String) {
    #expect {
      try CalendarEvent(parsing: expression)
    } throws: { error in
      (error as? CalendarSpecError)?.description == message
    }
  }

  @Test(arguments: messages.map(\.0))
  func errorQuotesTheExpression(_ expression: String) {
    do {
      _ = try CalendarEvent(parsing: expression)
      Issue.record("'\(expression)' was accepted")
    } catch {
      #expect(error.expression == expression)
      #expect(error.description.hasPrefix("invalid calendar expression '\(expression)'"))
    }
  }
}

/// Errors found after normalizing quote the field as written, not its normalized value (found by
/// CalendarFuzzTests).
@Suite struct WrittenPartTests {
  @Test(arguments: [
    ("*-*-* 23:59:1259.5", "1259.5", "second out of range 0..59"),
    ("*:*:10..2023/5", "10..2023/5", "second out of range 0..59"),
    ("*:*:0/02026.5", "0/02026.5", "repetition too large for the second"),
    ("Sunday,é", "é", "unknown weekday (expected Mon..Sun)"),
  ])
  func quotesWhatWasWritten(_ expression: String, _ part: String, _ reason: String) {
    #expect(throws: CalendarSpecError(expression: expression, part: part, reason: reason)) {
      try CalendarEvent(parsing: expression)
    }
  }
}
