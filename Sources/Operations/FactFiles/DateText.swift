import CalendarSpec
import Foundation
import Store

/// A local date and time as written in a CSV cell: `2027-03-10`, `2027/3/10` or `2027-03-10 18:05`.
struct DateText {
  let date: LocalDate
  let seconds: Int

  static let expected = "2027-03-10, 2027/3/10 or 2027-03-10 18:05"

  /// Parses a cell; the error says why it is not a date.
  static func parse(_ text: String) -> Result<DateText, DateTextError> {
    if let fast = isoDay(text) { return fast }
    let parts = text.split(separator: " ", omittingEmptySubsequences: true)
    let dayPart = parts.first.map { $0.split(separator: "T").first ?? $0 } ?? ""
    let timePart = parts.count == 2 ? parts[1] : text.split(separator: "T").dropFirst().first
    guard parts.count <= 2, isDateShaped(dayPart) else { return .failure(.malformed) }
    guard let date = LocalDate(parsing: dayPart) else { return .failure(.noSuchDay) }
    guard let timePart else { return .success(DateText(date: date, seconds: 0)) }
    guard let seconds = secondsOfDay(timePart) else { return .failure(.badTime) }
    return .success(DateText(date: date, seconds: seconds))
  }

  /// The common `YYYY-MM-DD` and `YYYY-MM-DD HH:MM`, read straight from the bytes; nil for anything else.
  private static func isoDay(_ text: String) -> Result<DateText, DateTextError>? {
    var utf8 = text
    return utf8.withUTF8 { bytes -> Result<DateText, DateTextError>? in
      guard bytes.count == 10 || bytes.count == 16, bytes[4] == 45, bytes[7] == 45 else { return nil }
      func number(_ from: Int, _ count: Int) -> Int? {
        var value = 0
        for index in from..<from + count {
          let digit = Int(bytes[index]) - 48
          guard (0...9).contains(digit) else { return nil }
          value = value * 10 + digit
        }
        return value
      }
      guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2) else { return nil }
      guard let date = LocalDate(year: year, month: month, day: day) else { return .failure(.noSuchDay) }
      guard bytes.count == 16 else { return .success(DateText(date: date, seconds: 0)) }
      guard bytes[10] == 32, bytes[13] == 58, let hour = number(11, 2), let minute = number(14, 2) else {
        return nil
      }
      guard hour < 24, minute < 60 else { return .failure(.badTime) }
      return .success(DateText(date: date, seconds: hour * 3600 + minute * 60))
    }
  }

  private static func isDateShaped(_ text: Substring) -> Bool {
    let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
    return parts.count == 3 && parts[0].count == 4
      && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) }
      && parts.allSatisfy { Int($0) != nil } && (1...2).contains(parts[1].count)
      && (1...2).contains(parts[2].count)
  }

  private static func secondsOfDay(_ text: Substring) -> Int? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
    guard (2...3).contains(parts.count), let hour = parts[0], let minute = parts[1], (0...23).contains(hour),
      (0...59).contains(minute)
    else { return nil }
    let second = parts.count == 3 ? parts[2] : 0
    guard let second, (0...59).contains(second) else { return nil }
    return hour * 3600 + minute * 60 + second
  }
}

/// Why a cell is not a date.
enum DateTextError: Error {
  /// Not shaped like a date at all.
  case malformed
  /// Shaped like a date that does not exist (2027-02-30).
  case noSuchDay
  /// The time part is not `HH:MM`.
  case badTime
}

/// Converts local dates and times to instants in IANA zones, caching zones without daylight saving.
struct ZoneClock {
  private var zones: [String: (zone: TimeZone, fixed: Int?)] = [:]

  /// The instant of a local date and time in zone `identifier` (Asia/Shanghai when unknown).
  mutating func instant(_ text: DateText, zone identifier: String) -> Date {
    let local = Double(text.date.dayNumber * 86_400 + text.seconds)
    let (zone, fixed) = info(identifier)
    if let fixed { return Date(timeIntervalSince1970: local - Double(fixed)) }
    let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))
    let guess = Date(timeIntervalSince1970: local - Double(first))
    return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
  }

  private mutating func info(_ identifier: String) -> (zone: TimeZone, fixed: Int?) {
    if let cached = zones[identifier] { return cached }
    let zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "Asia/Shanghai")!
    let since2000 = Date(timeIntervalSince1970: 946_684_800)
    let fixed =
      zone.nextDaylightSavingTimeTransition(after: since2000) == nil
      ? zone.secondsFromGMT(for: since2000) : nil
    zones[identifier] = (zone, fixed)
    return (zone, fixed)
  }
}

/// Parses the times people type on the command line, in a project's zone.
public enum LocalTime {
  /// The instant of `2027-03-10`, `2027/3/10` or `2027-03-10 18:05` in zone `identifier`; throws with the reason.
  public static func instant(_ text: String, zone identifier: String) throws -> Date {
    switch DateText.parse(text.trimmingCharacters(in: .whitespaces)) {
    case .failure(.malformed): throw StoreError("'\(text)' is not a time; expected \(DateText.expected)")
    case .failure(.noSuchDay): throw StoreError("'\(text)' is not a real day")
    case .failure(.badTime): throw StoreError("'\(text)' has a bad time of day; expected HH:MM")
    case .success(let parsed):
      var clock = ZoneClock()
      return clock.instant(parsed, zone: identifier)
    }
  }
}
