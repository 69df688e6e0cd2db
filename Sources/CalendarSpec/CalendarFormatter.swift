/// Prints calendar fields in systemd's normalized form (`calendar_spec_to_string`).
enum CalendarFormatter {
  private static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

  /// The normalized form, e.g. `Mon..Fri *-*-* 09:00:00 Asia/Shanghai`.
  static func format(_ f: CalendarFields) -> String {
    var out = ""
    if f.weekdays > 0 && f.weekdays <= CalendarFields.allWeekdays {
      out += weekdays(f.weekdays) + " "
    }
    out += chain(f.year, width: 4) + "-" + chain(f.month, width: 2)
    out += (f.endOfMonth ? "~" : "-") + chain(f.day, width: 2) + " "
    out += chain(f.hour, width: 2) + ":" + chain(f.minute, width: 2) + ":"
    out += secondsChain(f.second)
    if f.utc {
      out += " UTC"
    } else if let zone = f.zoneName {
      out += " " + zone
    }
    return out
  }

  /// Weekday bits as `Mon..Wed,Fri`: runs of three or more days become ranges.
  static func weekdays(_ bits: Int) -> String {
    var parts: [String] = []
    var day = 0
    while day < 7 {
      guard bits & (1 << day) != 0 else {
        day += 1
        continue
      }
      var last = day
      while last + 1 < 7 && bits & (1 << (last + 1)) != 0 { last += 1 }
      switch last - day {
      case 0: parts.append(dayNames[day])
      case 1: parts.append(dayNames[day] + "," + dayNames[last])
      default: parts.append(dayNames[day] + ".." + dayNames[last])
      }
      day = last + 1
    }
    return parts.joined(separator: ",")
  }

  private static func chain(_ chain: CalendarChain, width: Int) -> String {
    guard let chain else { return "*" }
    return chain.map { component($0, width: width, unit: 1) }.joined(separator: ",")
  }

  private static func secondsChain(_ chain: CalendarChain) -> String {
    let unit = CalendarFields.microsPerSecond
    guard let chain else { return "*" }
    if chain == [CalendarComponent(start: 0, repeatBy: unit)] { return "*" }
    return chain.map { component($0, width: 2, unit: unit) }.joined(separator: ",")
  }

  private static func component(_ c: CalendarComponent, width: Int, unit: Int) -> String {
    var out = number(c.start, width: width, unit: unit)
    if c.stop > 0 { out += ".." + number(c.stop, width: width, unit: unit) }
    if c.repeatBy > 0 && !(c.stop > 0 && c.repeatBy == unit) {
      out += "/" + number(c.repeatBy, width: 0, unit: unit)
    }
    return out
  }

  /// `%0*i` of the whole units, then `.%06i` of the microseconds when there are any.
  static func number(_ value: Int, width: Int, unit: Int) -> String {
    let whole = String(value / unit)
    var out = String(repeating: "0", count: max(0, width - whole.count)) + whole
    if value % unit > 0 {
      let fraction = String(value % unit)
      out += "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }
    return out
  }
}
