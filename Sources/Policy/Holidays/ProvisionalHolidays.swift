import CalendarSpec
import Synchronization

/// China's public holidays of a year computed the way the State Council's notices usually set them, for a
/// year whose notice is not installed yet.
///
/// Decisions: 元旦 is 1 January; 春节 runs from New Year's Eve through the 7th day of the first lunar month
/// (the 2026 notice gave 9 days, starting the Sunday before Eve); 清明 is the day of the solar term; 劳动节
/// is 1–5 May; 端午 and 中秋 are the 5th of the 5th and the 15th of the 8th lunar month; 国庆 is 1–7 October.
/// A one-day holiday on a Saturday or Sunday gives the following Monday off, as the notices do. No make-up
/// working days (调休) are guessed: they are what a notice decides, and a wrong guess would put work on a
/// weekend.
enum ProvisionalHolidays {
  private static let cache = Mutex<[Int: Set<LocalDate>]>([:])

  /// The holidays of `year`, in calendar order.
  static func holidays(year: Int) -> [Holiday] {
    guard let newYear = LocalDate(year: year, month: 1, day: 1) else { return [] }
    let lunar = ChineseCalendarDates(year: year)
    var result = [Holiday(name: "元旦", offDays: withSubstitute(newYear))]
    if let springFestival = lunar.date(month: 1, day: 1) {
      result.append(Holiday(name: "春节", offDays: days(springFestival.adding(days: -1), count: 8)))
    }
    result.append(Holiday(name: "清明节", offDays: withSubstitute(SolarTerms.qingming(year: year))))
    result.append(Holiday(name: "劳动节", offDays: days(LocalDate(year: year, month: 5, day: 1)!, count: 5)))
    if let dragonBoat = lunar.date(month: 5, day: 5) {
      result.append(Holiday(name: "端午节", offDays: withSubstitute(dragonBoat)))
    }
    if let midAutumn = lunar.date(month: 8, day: 15) {
      result.append(Holiday(name: "中秋节", offDays: withSubstitute(midAutumn)))
    }
    result.append(Holiday(name: "国庆节", offDays: days(LocalDate(year: year, month: 10, day: 1)!, count: 7)))
    return result
  }

  /// Every provisional day off of `year`, computed once per year.
  static func offDays(year: Int) -> Set<LocalDate> {
    if let known = cache.withLock({ $0[year] }) { return known }
    let days = Set(holidays(year: year).flatMap(\.offDays).filter { $0.year == year })
    cache.withLock { $0[year] = days }
    return days
  }

  private static func days(_ first: LocalDate, count: Int) -> [LocalDate] {
    (0..<count).map { first.adding(days: $0) }
  }

  private static func withSubstitute(_ date: LocalDate) -> [LocalDate] {
    switch date.isoWeekday {
    case 6: return [date, date.adding(days: 2)]
    case 7: return [date, date.adding(days: 1)]
    default: return [date]
    }
  }
}
