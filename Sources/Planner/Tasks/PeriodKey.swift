import CalendarSpec
import Policy

/// One calendar period: a month, quarter, half-year or year of a given year.
public struct PeriodKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The kind of period.
  public let period: Period
  /// The period's first month.
  public let first: YearMonth

  /// The period of kind `period` that holds `month`.
  public init(_ period: Period, containing month: YearMonth) {
    self.period = period
    let size = period.months
    first = YearMonth(year: month.year, month: (month.month - 1) / size * size + 1)
  }

  /// The period's last month.
  public var last: YearMonth { first.adding(period.months - 1) }

  /// The period's months, in order.
  public var months: [YearMonth] { (0..<period.months).map(first.adding) }

  /// The period's first day.
  public var firstDay: LocalDate { first.firstDay }

  /// The period's last day.
  public var lastDay: LocalDate { last.lastDay }

  /// The next period of the same kind.
  public var next: PeriodKey { PeriodKey(period, containing: first.adding(period.months)) }

  /// `2026`, `2026-H1`, `2026-Q3` or `2026-03`.
  public var description: String {
    var bytes: [UInt8] = []
    write(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Orders periods by first month, then by length.
  public static func < (lhs: PeriodKey, rhs: PeriodKey) -> Bool {
    (lhs.first, lhs.period.months) < (rhs.first, rhs.period.months)
  }
}
