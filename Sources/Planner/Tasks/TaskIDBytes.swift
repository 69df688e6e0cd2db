import CalendarSpec

/// The UTF-8 bytes of task ids, written straight into a reusable buffer: storing a year's millions of tasks
/// builds no string per id.
extension VisitTask {
  /// Replaces `bytes` with the id `household/rule/anchor/ordinal` (the bytes of `id`).
  package func writeID(into bytes: inout [UInt8]) {
    bytes.removeAll(keepingCapacity: true)
    bytes.append(contentsOf: household.utf8)
    bytes.append(UInt8(ascii: "/"))
    bytes.append(contentsOf: rule.utf8)
    bytes.append(UInt8(ascii: "/"))
    switch anchor {
    case .period(let key): key.write(into: &bytes)
    case .event(_, let day): day.write(into: &bytes)
    case .ticket(let number): bytes.append(contentsOf: number.utf8)
    case .campaign(let id): bytes.append(contentsOf: id.utf8)
    }
    bytes.append(UInt8(ascii: "/"))
    DecimalBytes.append(ordinal, to: &bytes)
  }
}

extension PeriodKey {
  /// Appends `description`'s bytes.
  func write(into bytes: inout [UInt8]) {
    let position = (first.month - 1) / period.months + 1
    switch period {
    case .year: DecimalBytes.append(first.year, to: &bytes)
    case .halfYear, .quarter:
      DecimalBytes.append(first.year, to: &bytes)
      bytes.append(UInt8(ascii: "-"))
      bytes.append(UInt8(ascii: period == .quarter ? "Q" : "H"))
      DecimalBytes.append(position, to: &bytes)
    case .month: first.write(into: &bytes)
    }
  }
}

extension YearMonth {
  /// Appends `description`'s bytes.
  func write(into bytes: inout [UInt8]) {
    DecimalBytes.append(year, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    DecimalBytes.appendTwoDigits(month, to: &bytes)
  }
}
