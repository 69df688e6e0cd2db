import CalendarSpec
import Foundation

/// A published calendar (RFC 5545 VCALENDAR) and its rendering as bytes; no I/O, no clock.
///
/// Decisions: timed events are written in local time with a TZID and the zone's VTIMEZONE when the zone keeps
/// one offset over the feed's span (Asia/Shanghai always does); otherwise in UTC, with no VTIMEZONE. Lines end
/// in CRLF and are folded at 75 octets between characters.
public struct CalendarFeed: Sendable {
  /// The calendar's name, as subscribing apps show it (X-WR-CALNAME).
  public var name: String
  /// The zone timed events are shown in.
  public var zone: TimeZone
  /// How often subscribers should fetch the feed again, in minutes (REFRESH-INTERVAL, X-PUBLISHED-TTL).
  public var refreshMinutes: Int
  /// The events, in the order written.
  public var events: [FeedEvent]

  /// The product that wrote the feed (PRODID).
  public static let productID = "-//visitd//visit plan//ZH"

  /// A feed named `name` of `events`, shown in `zone`, refreshed every `refreshMinutes`.
  public init(name: String, zone: TimeZone, refreshMinutes: Int, events: [FeedEvent]) {
    self.name = name
    self.zone = zone
    self.refreshMinutes = refreshMinutes
    self.events = events
  }

  /// The feed as an iCalendar object, UTF-8.
  public func render() -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(256 + events.count * 400)
    func line(_ text: String) { out.append(contentsOf: ContentLine.folded(text)) }
    let local = fixedOffset
    line("BEGIN:VCALENDAR")
    line("VERSION:2.0")
    line("PRODID:\(Self.productID)")
    line("CALSCALE:GREGORIAN")
    line("METHOD:PUBLISH")
    line("NAME:\(ContentLine.text(name))")
    line("X-WR-CALNAME:\(ContentLine.text(name))")
    line("REFRESH-INTERVAL;VALUE=DURATION:PT\(max(refreshMinutes, 1))M")
    line("X-PUBLISHED-TTL:PT\(max(refreshMinutes, 1))M")
    if let offset = local {
      line("X-WR-TIMEZONE:\(zone.identifier)")
      line("BEGIN:VTIMEZONE")
      line("TZID:\(zone.identifier)")
      line("BEGIN:STANDARD")
      line("DTSTART:19700101T000000")
      line("TZOFFSETFROM:\(Self.offsetText(offset))")
      line("TZOFFSETTO:\(Self.offsetText(offset))")
      line("END:STANDARD")
      line("END:VTIMEZONE")
    }
    for event in events {
      line("BEGIN:VEVENT")
      line("UID:\(ContentLine.text(event.uid))")
      line("SEQUENCE:\(event.sequence)")
      line("DTSTAMP:\(Self.utc(event.stamp))")
      line("LAST-MODIFIED:\(Self.utc(event.stamp))")
      switch event.timing {
      case .timed(let start, let end):
        if let offset = local {
          line("DTSTART;TZID=\(zone.identifier):\(Self.wallClock(start, offset: offset))")
          line("DTEND;TZID=\(zone.identifier):\(Self.wallClock(end, offset: offset))")
        } else {
          line("DTSTART:\(Self.utc(start))")
          line("DTEND:\(Self.utc(end))")
        }
      case .allDay(let day):
        line("DTSTART;VALUE=DATE:\(Self.date(day))")
        line("DTEND;VALUE=DATE:\(Self.date(day.adding(days: 1)))")
      }
      line("SUMMARY:\(ContentLine.text(event.summary))")
      if !event.location.isEmpty { line("LOCATION:\(ContentLine.text(event.location))") }
      if !event.description.isEmpty { line("DESCRIPTION:\(ContentLine.text(event.description))") }
      line("TRANSP:OPAQUE")
      line("STATUS:CONFIRMED")
      line("END:VEVENT")
    }
    line("END:VCALENDAR")
    return out
  }

  /// The zone's one offset (seconds east of UTC) over the timed events' span; nil when it changes within it
  /// (then times are written in UTC).
  private var fixedOffset: Int? {
    let starts = events.compactMap { event -> Date? in
      if case .timed(let start, _) = event.timing { return start }
      return nil
    }
    guard let first = starts.min(), let last = starts.max() else { return zone.secondsFromGMT() }
    let offset = zone.secondsFromGMT(for: first)
    if let change = zone.nextDaylightSavingTimeTransition(after: first),
      change <= last.addingTimeInterval(86_400)
    {
      return nil
    }
    return offset == zone.secondsFromGMT(for: last) ? offset : nil
  }

  /// `+0800`.
  static func offsetText(_ seconds: Int) -> String {
    let minutes = abs(seconds) / 60
    return (seconds < 0 ? "-" : "+") + pad(minutes / 60, 2) + pad(minutes % 60, 2)
  }

  /// `20261205T093000Z`.
  static func utc(_ instant: Date) -> String { wallClock(instant, offset: 0) + "Z" }

  /// `20261205T173000`: the local time `offset` seconds east of UTC.
  static func wallClock(_ instant: Date, offset: Int) -> String {
    let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
    let days = Int((Double(seconds) / 86_400).rounded(.down))
    let time = seconds - days * 86_400
    return date(LocalDate(dayNumber: days)) + "T" + pad(time / 3600, 2) + pad(time / 60 % 60, 2)
      + pad(time % 60, 2)
  }

  /// `20261205`.
  static func date(_ day: LocalDate) -> String { pad(day.year, 4) + pad(day.month, 2) + pad(day.day, 2) }

  private static func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
