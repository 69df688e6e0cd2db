import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner

/// Reads the dates and months given on the command line.
enum DateArguments {
  /// `YYYY-MM` as a month.
  static func month(_ text: String, option: String = "--month") throws -> YearMonth {
    guard text.count == 7, let day = LocalDate(parsing: text + "-01") else {
      throw ValidationError("\(option) '\(text)' is not a month; expected YYYY-MM")
    }
    return YearMonth(day)
  }

  /// `YYYY-MM-DD` as a day.
  static func day(_ text: String, option: String) throws -> LocalDate {
    guard let day = LocalDate(parsing: text) else {
      throw ValidationError("\(option) '\(text)' is not a day; expected YYYY-MM-DD")
    }
    return day
  }

  /// The last instant of a day in `zone` (a clock that sees the whole day).
  static func endOf(_ day: LocalDate, in zone: TimeZone) -> Date {
    day.adding(days: 1).startInstant(in: zone).addingTimeInterval(-1)
  }
}
