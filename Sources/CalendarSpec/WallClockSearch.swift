/// Finds the earliest matching wall-clock time, systemd's `find_next` on a zone-free calendar.
///
/// Wall-clock times are microseconds since 1970-01-01 00:00:00 as if read in UTC.
struct WallClockSearch {
  let fields: CalendarFields

  /// The earliest matching wall-clock time at or after `from`, or nil when there is none up to year 2199.
  func firstMatch(atOrAfter from: Int64) -> Int64? {
    var c = CivilDateTime(micros: from)
    while true {
      c = c.normalized
      switch find(fields.year, &c.year) {
      case nil: return nil
      case true?: (c.month, c.day, c.hour, c.minute, c.second, c.microsecond) = (1, 1, 0, 0, 0, 0)
      default: break
      }
      if Self.settle(&c) <= 0 { return nil }
      guard matchMonth(&c), matchDay(&c), matchWeekday(&c), matchHour(&c), matchMinute(&c), matchSecond(&c)
      else { continue }
      return c.micros
    }
  }

  private func matchMonth(_ c: inout CivilDateTime) -> Bool {
    let r = find(fields.month, &c.month)
    if r == true { (c.day, c.hour, c.minute, c.second, c.microsecond) = (1, 0, 0, 0, 0) }
    return advance(r, &c) { c in
      (c.year, c.month, c.day, c.hour, c.minute, c.second, c.microsecond) = (c.year + 1, 1, 1, 0, 0, 0, 0)
    }
  }

  private func matchDay(_ c: inout CivilDateTime) -> Bool {
    let r: Bool?
    if fields.endOfMonth, let chain = fields.day {
      let last = Civil.daysInMonth(year: c.year, month: c.month)
      let fromEnd = { (d: Int) in d >= 1 && d <= last ? last - d + 1 : -1 }
      r = Self.find(chain, &c.day) { comp in
        let (start, stop) = (fromEnd(comp.start), fromEnd(comp.stop))
        return stop > 0 ? (stop, start) : (start, stop)
      }
    } else {
      r = find(fields.day, &c.day)
    }
    if r == true { (c.hour, c.minute, c.second, c.microsecond) = (0, 0, 0, 0) }
    return advance(r, &c) { c in
      (c.month, c.day, c.hour, c.minute, c.second, c.microsecond) = (c.month + 1, 1, 0, 0, 0, 0)
    }
  }

  private func matchWeekday(_ c: inout CivilDateTime) -> Bool {
    guard fields.weekdays >= 0 && fields.weekdays < CalendarFields.allWeekdays else { return true }
    if fields.weekdays & (1 << c.weekday) != 0 { return true }
    (c.day, c.hour, c.minute, c.second, c.microsecond) = (c.day + 1, 0, 0, 0, 0)
    return false
  }

  private func matchHour(_ c: inout CivilDateTime) -> Bool {
    let r = find(fields.hour, &c.hour)
    if r == true { (c.minute, c.second, c.microsecond) = (0, 0, 0) }
    return advance(r, &c) { c in (c.day, c.hour, c.minute, c.second, c.microsecond) = (c.day + 1, 0, 0, 0, 0)
    }
  }

  private func matchMinute(_ c: inout CivilDateTime) -> Bool {
    let r = find(fields.minute, &c.minute)
    if r == true { (c.second, c.microsecond) = (0, 0) }
    return advance(r, &c) { c in (c.hour, c.minute, c.second, c.microsecond) = (c.hour + 1, 0, 0, 0) }
  }

  private func matchSecond(_ c: inout CivilDateTime) -> Bool {
    let unit = CalendarFields.microsPerSecond
    var value = c.second * unit + c.microsecond
    let r = find(fields.second, &value)
    (c.second, c.microsecond) = (value / unit, value % unit)
    return advance(r, &c) { c in (c.minute, c.second, c.microsecond) = (c.minute + 1, 0, 0) }
  }

  /// After a field was matched: on no match or a backwards step, `skip` to the next larger unit;
  /// when normalization moved the time forward, start over. True when the search may go on.
  private func advance(_ r: Bool?, _ c: inout CivilDateTime, skip: (inout CivilDateTime) -> Void) -> Bool {
    guard r != nil else {
      skip(&c)
      return false
    }
    switch Self.settle(&c) {
    case ..<0:
      skip(&c)
      return false
    case 0: return false
    default: return true
    }
  }

  /// `find_matching_component` for a plain field: nil = no value left, true = moved forward.
  private func find(_ chain: CalendarChain, _ value: inout Int) -> Bool? {
    guard let chain else { return false }
    return Self.find(chain, &value) { ($0.start, $0.stop) }
  }

  private static func find(
    _ chain: [CalendarComponent], _ value: inout Int, bounds: (CalendarComponent) -> (Int, Int)
  ) -> Bool? {
    guard let found = ChainMath.earliest(chain, atLeast: value, bounds: bounds) else { return nil }
    defer { value = found }
    return found != value
  }

  /// systemd's `tm_within_bounds`: -1 when past 2199 or moved backwards, 0 when normalization moved
  /// the time forward (then `c` is that time with the next smaller unit reset), 1 when `c` was valid.
  static func settle(_ c: inout CivilDateTime) -> Int {
    if c.year > CalendarFields.yearRange.upperBound { return -1 }
    var t = c.normalized
    var cmp = 0
    if t.year != c.year {
      (cmp, t.month) = (t.year < c.year ? -1 : 1, 1)
    } else if t.month != c.month {
      (cmp, t.day) = (t.month < c.month ? -1 : 1, 1)
    } else if t.day != c.day {
      (cmp, t.hour) = (t.day < c.day ? -1 : 1, 0)
    } else if t.hour != c.hour {
      (cmp, t.minute) = (t.hour < c.hour ? -1 : 1, 0)
    } else if t.minute != c.minute {
      (cmp, t.second) = (t.minute < c.minute ? -1 : 1, 0)
    } else if t.second != c.second {
      cmp = t.second < c.second ? -1 : 1
    }
    if cmp < 0 { return -1 }
    if cmp > 0 { c = t }
    return cmp == 0 ? 1 : 0
  }
}
