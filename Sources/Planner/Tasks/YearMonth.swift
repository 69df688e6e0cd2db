import CalendarSpec

/// A calendar month of a year, the unit of monthly plans.
public struct YearMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Months since year 0: `year * 12 + month - 1`.
  public let index: Int

  /// The month with an index counted from year 0.
  public init(index: Int) { self.index = index }

  /// The month of a year, `month` from 1 to 12.
  public init(year: Int, month: Int) { index = year * 12 + month - 1 }

  /// The month a date falls in.
  public init(_ date: LocalDate) { self.init(year: date.year, month: date.month) }

  /// The year.
  public var year: Int { index / 12 }

  /// The month, 1 to 12.
  public var month: Int { index % 12 + 1 }

  /// The month's first day.
  public var firstDay: LocalDate { LocalDate(year: year, month: month, day: 1)! }

  /// The month's last day.
  public var lastDay: LocalDate { firstDay.lastOfMonth }

  /// The month `count` months later.
  public func adding(_ count: Int) -> YearMonth { YearMonth(index: index + count) }

  /// `YYYY-MM`.
  public var description: String {
    var bytes: [UInt8] = []
    write(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Orders months chronologically.
  public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool { lhs.index < rhs.index }

  /// Decodes `YYYY-MM`.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = LocalDate(parsing: text + "-01") else {
      throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
    }
    self.init(date)
  }

  /// Encodes `YYYY-MM`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
