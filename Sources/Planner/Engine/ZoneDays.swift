import CalendarSpec
import Foundation

/// Converts instants to local day numbers in one zone, without a Foundation call when the zone has a fixed offset.
struct ZoneDays: Sendable {
  /// The zone.
  let zone: TimeZone
  private let fixedOffset: Int?

  /// A converter for `zone`; zones with no daylight-saving transition after 2000 use a fixed offset.
  init(_ zone: TimeZone) {
    self.zone = zone
    let since = Date(timeIntervalSince1970: 946_684_800)
    fixedOffset =
      zone.nextDaylightSavingTimeTransition(after: since) == nil ? zone.secondsFromGMT(for: since) : nil
  }

  /// The local day number (days since 1970-01-01) of an instant.
  func day(_ instant: Date) -> Int {
    let offset = fixedOffset ?? zone.secondsFromGMT(for: instant)
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
    return seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
  }

  /// The local minute of the day (0 to 1439) of an instant.
  func minute(_ instant: Date) -> Int {
    let offset = fixedOffset ?? zone.secondsFromGMT(for: instant)
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
    return ((seconds % 86_400) + 86_400) % 86_400 / 60
  }

  /// The local date of an instant.
  func date(_ instant: Date) -> LocalDate { LocalDate(dayNumber: day(instant)) }

  /// The first instant of a local day.
  func start(ofDay day: Int) -> Date {
    if let fixedOffset { return Date(timeIntervalSince1970: TimeInterval(day * 86_400 - fixedOffset)) }
    return LocalDate(dayNumber: day).startInstant(in: zone)
  }
}
