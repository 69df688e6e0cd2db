import Foundation

/// A length of calendar time counted in local days, weeks, months, quarters or years (`1 month`, `2 weeks`).
public struct CalendarSpan: Hashable, Sendable, CustomStringConvertible {
  /// The unit a span is counted in.
  public enum Unit: String, CaseIterable, Sendable {
    /// A local calendar day.
    case day
    /// Seven local days.
    case week
    /// A calendar month, clamped to the month's end.
    case month
    /// Three calendar months.
    case quarter
    /// Twelve calendar months.
    case year
  }

  /// The largest count a parsed span may have (10,000 units), so that date arithmetic cannot overflow.
  public static let maximumCount = 10_000

  /// How many units.
  public let count: Int
  /// The unit counted.
  public let unit: Unit

  /// A span of `count` units; `count` must not be negative.
  public init(_ count: Int, _ unit: Unit) {
    precondition(count >= 0, "a calendar span is never negative")
    self.count = count
    self.unit = unit
  }

  /// Parses `N unit` where unit is day(s), week(s), month(s), quarter(s) or year(s).
  public init(parsing text: String) throws(CalendarSpecError) {
    let words = text.split(separator: " ", omittingEmptySubsequences: true)
    guard words.count == 2, let count = Int(words[0]), count >= 0 else {
      throw CalendarSpecError(
        expression: text, part: text, reason: "expected a span like '1 month' or '14 days'")
    }
    guard count <= Self.maximumCount else {
      throw CalendarSpecError(
        expression: text, part: String(words[0]),
        reason: "too large; expected a count of at most \(Self.maximumCount)")
    }
    let name = words[1].lowercased()
    let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
    guard let unit = Unit(rawValue: singular) else {
      throw CalendarSpecError(
        expression: text, part: String(words[1]),
        reason: "unknown unit; expected day, week, month, quarter or year")
    }
    self.init(count, unit)
  }

  /// The span in months, or nil when it is counted in days or weeks.
  public var months: Int? {
    switch unit {
    case .day, .week: return nil
    case .month: return count
    case .quarter: return count * 3
    case .year: return count * 12
    }
  }

  /// The date this span after `date`; months clamp to the month's end.
  public func added(to date: LocalDate) -> LocalDate {
    switch unit {
    case .day: return date.adding(days: count)
    case .week: return date.adding(days: 7 * count)
    case .month, .quarter, .year: return date.adding(months: months ?? 0)
    }
  }

  /// The instant this span after `instant`, keeping its local wall-clock time in `zone`.
  public func added(to instant: Date, in zone: TimeZone) -> Date {
    let date = LocalDate(instant, in: zone)
    let local = Int(instant.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: instant)
    let secondOfDay = ((local % 86_400) + 86_400) % 86_400
    return added(to: date).instant(
      hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60, in: zone)
  }

  /// `N unit(s)`, e.g. `1 month`, `2 weeks`.
  public var description: String { "\(count) \(unit.rawValue)\(count == 1 ? "" : "s")" }
}
