import CalendarSpec
import Foundation
import Policy

/// Which years' holidays are the official notice's and which are computed, as people are told it.
public struct HolidayStatus: Sendable, Equatable {
  /// The years looked at: the clock's and the next.
  public let years: ClosedRange<Int>
  /// Those of `years` planned with provisional (computed) holidays: no official file is installed.
  public let provisional: [Int]
  /// Whether next year's file is due: from 1 November on, a missing one is worth an alert.
  public let nextYearDue: Bool

  /// The status of `holidays` at `clock` in `zone`.
  public init(_ holidays: HolidayCalendar, at clock: Date, zone: TimeZone) {
    let today = LocalDate(clock, in: zone)
    years = today.year...today.year + 1
    provisional = holidays.provisionalYears(in: years)
    nextYearDue = today.month >= 11
  }

  /// Whether next year's official file is missing while it is due (an alert to the admin).
  public var nextYearMissing: Bool { nextYearDue && provisional.contains(years.upperBound) }

  /// Whether this year is planned with provisional holidays.
  public var thisYearProvisional: Bool { provisional.contains(years.lowerBound) }

  /// A line for STATUS= and listings, nil when there is nothing to say.
  public var notice: String? {
    if thisYearProvisional { return "holidays \(years.lowerBound) provisional (no official file)" }
    if nextYearMissing { return "no holidays file for \(years.upperBound) yet" }
    return nil
  }

  /// The note listings of `year` carry while its holidays are provisional, nil otherwise.
  public static func note(_ holidays: HolidayCalendar, year: Int) -> String? {
    holidays.isProvisional(year: year)
      ? "note: the holidays of \(year) are provisional (no official notice installed): months are split by "
        + "computed holidays without make-up working days"
      : nil
  }

  /// One line per year for `rules check`.
  public var lines: [String] {
    years.map { year in
      provisional.contains(year)
        ? "\(year): provisional (no holidays file; 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆 computed, "
          + "no make-up working days) — install the official notice as holidays-\(year).toml"
        : "\(year): official"
    }
  }
}
