import CalendarSpec

/// Off days and make-up working days (调休): from the official notices of the years that have a holidays
/// file, and, in a loaded rule set, provisional holidays computed for every other year.
public struct HolidayCalendar: Sendable, Hashable {
  /// Weekdays that are days off, from the official notices.
  public var offDays: Set<LocalDate>
  /// Weekend days that are working days, from the official notices.
  public var workingDays: Set<LocalDate>
  /// The years whose holidays come from an official notice (a `holidays-<year>.toml` file).
  public var officialYears: Set<Int>
  /// Whether a year without a notice gets provisional holidays (true for a loaded rule set); when false,
  /// such a year has weekends only.
  public var providesProvisionalYears: Bool

  /// A holiday calendar from its off days and make-up working days; other years have weekends only unless
  /// `providesProvisionalYears`.
  public init(
    offDays: Set<LocalDate> = [], workingDays: Set<LocalDate> = [], officialYears: Set<Int> = [],
    providesProvisionalYears: Bool = false
  ) {
    self.offDays = offDays
    self.workingDays = workingDays
    self.officialYears = officialYears
    self.providesProvisionalYears = providesProvisionalYears
  }

  /// Whether `year`'s holidays are provisional: computed, with no make-up working days, until its notice
  /// is installed.
  public func isProvisional(year: Int) -> Bool {
    providesProvisionalYears && !officialYears.contains(year)
  }

  /// The years of `years` whose holidays are provisional, in order.
  public func provisionalYears(in years: ClosedRange<Int>) -> [Int] {
    years.filter { isProvisional(year: $0) }
  }

  /// The provisional holidays of `year`, whether or not the calendar uses them.
  public static func provisionalHolidays(year: Int) -> [Holiday] {
    ProvisionalHolidays.holidays(year: year)
  }

  /// Whether people work on `date`: a weekday that is not off, or a make-up working day.
  public func isWorkingDay(_ date: LocalDate) -> Bool {
    if isProvisional(year: date.year) {
      return date.isoWeekday <= 5 && !ProvisionalHolidays.offDays(year: date.year).contains(date)
    }
    if workingDays.contains(date) { return true }
    if offDays.contains(date) { return false }
    return date.isoWeekday <= 5
  }

  /// The working days of a month, in order.
  public func workingDays(inMonthOf date: LocalDate) -> [LocalDate] {
    let first = date.firstOfMonth
    return (0..<first.daysInMonth).map { first.adding(days: $0) }.filter(isWorkingDay)
  }
}
