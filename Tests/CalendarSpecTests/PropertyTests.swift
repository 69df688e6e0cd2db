import CalendarSpec
import Foundation
import Testing

/// Properties that hold for every expression, zone and base time.
@Suite struct PropertyTests {
  static let expressions = [
    "*:0/20", "hourly", "daily", "weekly", "monthly", "quarterly", "*-*-15 09:00", "Mon..Fri 08:30",
    "*-02~03", "Mon *-05~07/1", "*-*-31", "*-*-* 02:30", "01:30", "*:*:0/0.5", "Sat,Sun *-*-1..7 10:00",
    "*-*-15 09:00 Asia/Shanghai", "*-*-* *:30 America/New_York", "*-1/2-1 3:00", "*:*:58/0.7", "2028-02-29",
  ]
  static let zones = ["UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]
  static let bases: [Int] = [
    1_767_225_600, 1_772_931_600, 1_774_744_200, 1_792_882_800, 1_792_888_200, 1_793_511_000,
    1_798_761_599, 1_835_481_600,
  ]

  static var cases: [(String, String)] {
    expressions.flatMap { e in zones.map { (e, $0) } }
  }

  @Test(arguments: cases)
  func elapsesIncreaseAndChain(_ expression: String, _ zoneName: String) throws {
    let event = try CalendarEvent(parsing: expression)
    let zone = Fixtures.zone(zoneName)
    for seconds in Self.bases {
      let base = Date(timeIntervalSince1970: TimeInterval(seconds))
      let elapses = Array(event.elapses(after: base, in: zone).prefix(12))
      #expect(elapses.first == event.nextElapse(after: base, in: zone))
      var previous = base
      for elapse in elapses {
        #expect(elapse > previous, "\(expression) went backwards after \(previous)")
        #expect(event.nextElapse(after: previous, in: zone) == elapse)
        previous = elapse
      }
    }
  }

  @Test(arguments: expressions)
  func normalFormIsAFixedPoint(_ expression: String) throws {
    let once = try CalendarEvent(parsing: expression).normalized
    #expect(try CalendarEvent(parsing: once).normalized == once)
  }

  @Test func impossibleDateNeverElapses() throws {
    let event = try CalendarEvent(parsing: "2026-02-30")
    #expect(event.nextElapse(after: Date(timeIntervalSince1970: 0), in: TimeZone(identifier: "UTC")!) == nil)
  }

  @Test func fixedTimeFiresOnceWhenTheHourRepeats() throws {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let event = try CalendarEvent(parsing: "*-*-* 02:30")
    let base = Date(timeIntervalSince1970: 1_792_882_800)  // 2026-10-25 01:00 CEST
    let elapses = Array(event.elapses(after: base, in: berlin).prefix(2))
    #expect(elapses.map(\.timeIntervalSince1970) == [1_792_888_200, 1_792_978_200])
  }
}
