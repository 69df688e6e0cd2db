import CalendarSpec
import Foundation
import Messages
import Policy
import Store

/// The admin's weekly alert while next year's official holidays file is missing (from 1 November on).
public enum HolidayNotices {
  /// The alert for the week holding `now`, keyed `holidays:{year}:{monday}` so a week sends it once; nil when
  /// nothing is missing.
  public static func entry(rules: RuleSet, at now: Date) throws -> OutboxEntry? {
    let zone = rules.settings.timeZone
    let status = HolidayStatus(rules.holidays, at: now, zone: zone)
    guard status.nextYearMissing else { return nil }
    let day = LocalDate(now, in: zone)
    let monday = day.adding(days: 1 - day.isoWeekday)
    let year = status.years.upperBound
    let notice = HolidaysMissingNotice(year: year, file: "holidays-\(year).toml")
    return try OutboxMessage(audience: .admin, project: nil, content: .holidaysMissing(notice))
      .entry(key: "holidays:\(year):\(monday)", notBefore: now)
  }
}
