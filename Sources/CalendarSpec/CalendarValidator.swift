/// Checks normalized fields against their ranges, like systemd's `calendar_spec_valid`.
struct CalendarValidator {
  let expression: String
  /// Each field's text as written, quoted when a normalized value is not what was written.
  var written: [String: String] = [:]

  /// Throws for the first field value that is out of range.
  func validate(_ f: CalendarFields) throws(CalendarSpecError) {
    try check(f.year, "year", CalendarFields.yearRange)
    try check(f.month, "month", 1...12)
    try check(f.day, "day", 1...31, endOfMonth: f.endOfMonth)
    try check(f.hour, "hour", 0...23)
    try check(f.minute, "minute", 0...59)
    try check(
      f.second, "second", 0...(60 * CalendarFields.microsPerSecond - 1), unit: CalendarFields.microsPerSecond)
  }

  private func check(
    _ chain: CalendarChain, _ name: String, _ range: ClosedRange<Int>, endOfMonth: Bool = false, unit: Int = 1
  ) throws(CalendarSpecError) {
    // Days counted from the month's end go back at most 28 days (systemd 252).
    let values = endOfMonth ? 1...28 : range
    let shown = unit == 1 ? "\(values.lowerBound)..\(values.upperBound)" : "0..59"
    for c in chain ?? [] {
      let text = { (v: Int) in CalendarFormatter.number(v, width: 0, unit: unit) }
      guard values.contains(c.start) else { throw fail(name, text(c.start), "\(name) out of range \(shown)") }
      guard c.repeatBy <= range.upperBound - range.lowerBound else {
        throw fail(name, text(c.start) + "/" + text(c.repeatBy), "repetition too large for the \(name)")
      }
      guard c.stop >= 0 else {
        let fits =
          endOfMonth ? c.start - c.repeatBy >= range.lowerBound : c.start + c.repeatBy <= range.upperBound
        guard fits else {
          throw fail(
            name, text(c.start) + "/" + text(c.repeatBy), "repetition never repeats within the \(name)")
        }
        continue
      }
      guard values.contains(c.stop) else { throw fail(name, text(c.stop), "\(name) out of range \(shown)") }
      guard c.start + (endOfMonth ? 0 : c.repeatBy) <= c.stop else {
        throw fail(name, text(c.start) + ".." + text(c.stop), "empty \(name) range")
      }
    }
  }

  /// An error quoting `part` when the expression holds it, else the field as written (`1259.5`, not the
  /// normalized `1259.500000`), else the whole expression (a `@` timestamp's fields are computed).
  private func fail(_ field: String, _ part: String, _ reason: String) -> CalendarSpecError {
    let quoted = expression.contains(part) ? part : written[field] ?? expression
    return CalendarSpecError(expression: expression, part: quoted, reason: reason)
  }
}
