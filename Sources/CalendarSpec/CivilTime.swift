/// Proleptic Gregorian calendar arithmetic on plain integers, free of any time zone.
enum Civil {
  /// Days from 1970-01-01 to the given civil date (month 1...12).
  static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (month + 9) % 12
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  /// The civil date of a day count from 1970-01-01.
  static func date(days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whether the year has a February 29.
  static func isLeap(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// The number of days in the month (month 1...12).
  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// The weekday of a day count, 0 = Monday ... 6 = Sunday.
  static func weekday(days: Int) -> Int {
    ((days % 7) + 7 + 3) % 7
  }

  /// Floor division.
  static func floorDiv(_ a: Int, _ b: Int) -> Int {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }
}

/// A wall-clock date and time with `timegm`-like normalization of out-of-range fields.
struct CivilDateTime: Equatable {
  var year: Int
  var month: Int
  var day: Int
  var hour: Int
  var minute: Int
  var second: Int
  var microsecond: Int

  /// The wall-clock time `micros` microseconds after 1970-01-01 00:00:00.
  init(micros: Int64) {
    let seconds = Int(Civil.floorDiv(Int(micros), 1_000_000))
    microsecond = Int(micros) - seconds * 1_000_000
    let days = Civil.floorDiv(seconds, 86_400)
    let secondOfDay = seconds - days * 86_400
    (year, month, day) = Civil.date(days: days)
    hour = secondOfDay / 3600
    minute = secondOfDay / 60 % 60
    second = secondOfDay % 60
  }

  /// Microseconds since 1970-01-01 00:00:00 of this wall-clock time, normalizing every field.
  var micros: Int64 {
    let monthIndex = month - 1
    let y = year + Civil.floorDiv(monthIndex, 12)
    let m = monthIndex - Civil.floorDiv(monthIndex, 12) * 12 + 1
    let days = Civil.days(year: y, month: m, day: 1) + day - 1
    let seconds = ((days * 24 + hour) * 60 + minute) * 60 + second
    return Int64(seconds) * 1_000_000 + Int64(microsecond)
  }

  /// The same time with all fields brought into range (microseconds are left alone, like `timegm`).
  var normalized: CivilDateTime {
    var copy = CivilDateTime(micros: Int64(Int(micros) - microsecond))
    copy.microsecond = microsecond
    return copy
  }

  /// The weekday, 0 = Monday ... 6 = Sunday.
  var weekday: Int {
    Civil.weekday(days: Civil.days(year: year, month: month, day: 1) + day - 1)
  }
}
