/// Parses a calendar expression the way systemd 252's `calendar_spec_from_string` does.
struct CalendarParser {
  let expression: String
  var cursor: ByteCursor
  var fields = CalendarFields()
  /// Each field's text as written (`"second": "1259.5"`), by field name.
  var written: [String: String] = [:]

  /// Parses, normalizes and validates `expression`.
  static func parse(_ expression: String) throws(CalendarSpecError) -> CalendarFields {
    var body = Substring(expression)
    var fields = CalendarFields()
    if body.utf8.count > 4, body.suffix(4).lowercased() == " utc" {
      fields.utc = true
      body = body.dropLast(4)
    } else if let space = body.lastIndex(of: " ") {
      let name = String(body[body.index(after: space)...])
      if ZoneNames.isValid(name) {
        fields.zoneName = name
        body = body[..<space]
      } else if ZoneNames.looksLikeZone(name) {
        throw CalendarSpecError(expression: expression, part: name, reason: "unknown time zone")
      }
    }
    guard !body.isEmpty else {
      throw CalendarSpecError(expression: expression, part: expression, reason: "empty expression")
    }
    var parser = CalendarParser(expression: expression, cursor: ByteCursor(body), fields: fields)
    if !parser.parseShorthand(String(body).lowercased()) {
      try parser.parseBody()
    }
    parser.fields.normalize()
    try CalendarValidator(expression: expression, written: parser.written).validate(parser.fields)
    return parser.fields
  }

  private mutating func parseBody() throws(CalendarSpecError) {
    try parseWeekdays()
    if try !parseDate() {
      try parseTime()
    }
    guard cursor.atEnd else { throw unexpected() }
  }

  /// An error naming the text from the cursor on.
  func unexpected(_ reason: String = "unexpected text") -> CalendarSpecError {
    let rest = cursor.rest
    return CalendarSpecError(expression: expression, part: rest.isEmpty ? expression : rest, reason: reason)
  }

  /// An error naming `part`.
  func failure(_ part: String, _ reason: String) -> CalendarSpecError {
    CalendarSpecError(expression: expression, part: part, reason: reason)
  }
}
