import CalendarSpec
import Foundation
import ICalendar
import Testing

@Suite struct CalendarFeedTests {
  static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
  static let stamp = Date(timeIntervalSince1970: 1_764_900_000)
  static let day = LocalDate(year: 2026, month: 12, day: 7)!

  static func event(uid: String = "H1/annual/2026/1@visitd", sequence: Int = 0, summary: String = "入户访谈")
    -> FeedEvent
  {
    let start = day.instant(hour: 17, minute: 30, in: shanghai)
    return FeedEvent(
      uid: uid, sequence: sequence, stamp: stamp, timing: .timed(start: start, end: start + 7200),
      summary: summary, location: "滨江花园 3栋 2-1203", description: "户号 H1\n规则 年度访谈")
  }

  static func feed(_ events: [FeedEvent]) -> [UInt8] {
    CalendarFeed(name: "访谈计划 李娜", zone: shanghai, refreshMinutes: 60, events: events).render()
  }

  /// The physical lines, split at CRLF (the last, empty one after the final CRLF dropped).
  static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = [[]]
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
        lines.append([])
        index += 2
      } else {
        lines[lines.count - 1].append(bytes[index])
        index += 1
      }
    }
    #expect(lines.last == [], "the feed ends with CRLF")
    return lines.dropLast()
  }

  @Test func longChineseLinesFoldAt75OctetsBetweenCharacters() throws {
    let summary = String(repeating: "业主反映电梯噪音较大，希望尽快处理；", count: 12)
    let bytes = Self.feed([Self.event(summary: summary)])
    let physical = Self.lines(bytes)
    for line in physical {
      #expect(line.count <= 75)
      // Each physical line is whole UTF-8 on its own: no character was cut in two.
      #expect(String(validating: line, as: UTF8.self) != nil)
    }
    #expect(physical.contains { $0.count > 70 }, "the summary is long enough to fill lines")
    // Unfolding (dropping each CRLF and the space after it) gives back the summary, escaped.
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n ", with: "")
    #expect(text.contains("SUMMARY:\(summary)\r\n"))
  }

  @Test func foldingCountsTheLeadingSpaceOfContinuationLines() {
    let folded = ContentLine.folded("X:" + String(repeating: "a", count: 300))
    let lines = Self.lines(folded)
    #expect(lines.count == 5)
    #expect(lines.dropFirst().allSatisfy { $0.first == 0x20 && $0.count <= 75 })
    #expect(lines.map(\.count) == [75, 75, 75, 75, 6])
  }

  @Test func everyLineEndsWithCRLFAndNoBareLineFeed() {
    let bytes = Self.feed([Self.event()])
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      #expect(index > 0 && bytes[index - 1] == 0x0D)
    }
    #expect(bytes.suffix(2) == [0x0D, 0x0A])
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("DESCRIPTION:户号 H1\\n规则 年度访谈\r\n"), "a line break in text is written \\n")
  }

  @Test func sameEventsGiveTheSameBytesAndUID() {
    let first = Self.feed([Self.event(), Self.event(uid: "H2/annual/2026/1@visitd")])
    let again = Self.feed([Self.event(), Self.event(uid: "H2/annual/2026/1@visitd")])
    #expect(first == again)
    let text = String(decoding: first, as: UTF8.self)
    #expect(text.contains("\r\nUID:H1/annual/2026/1@visitd\r\n"))
    #expect(text.contains("\r\nDTSTAMP:20251205T020000Z\r\n"))
  }

  @Test func aMovedEventCarriesItsSequence() {
    let text = String(decoding: Self.feed([Self.event(sequence: 3)]), as: UTF8.self)
    #expect(text.contains("\r\nSEQUENCE:3\r\n"))
  }

  @Test func localTimesNameAZoneTheFeedDefines() {
    let text = String(decoding: Self.feed([Self.event()]), as: UTF8.self)
    #expect(text.contains("\r\nDTSTART;TZID=Asia/Shanghai:20261207T173000\r\n"))
    #expect(text.contains("\r\nDTEND;TZID=Asia/Shanghai:20261207T193000\r\n"))
    #expect(text.contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"))
    #expect(text.contains("\r\nTZOFFSETTO:+0800\r\n"))
    #expect(text.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n"))
    #expect(text.contains("\r\nX-PUBLISHED-TTL:PT60M\r\n"))
  }

  @Test func aZoneThatChangesOffsetIsWrittenInUTC() {
    let berlin = TimeZone(identifier: "Europe/Berlin")!
    let march = LocalDate(year: 2027, month: 3, day: 1)!.instant(hour: 18, minute: 0, in: berlin)
    let april = LocalDate(year: 2027, month: 4, day: 1)!.instant(hour: 18, minute: 0, in: berlin)
    let events = [march, april].enumerated().map { index, start in
      FeedEvent(
        uid: "e\(index)", sequence: 0, stamp: Self.stamp, timing: .timed(start: start, end: start + 3600),
        summary: "visit")
    }
    let text = String(
      decoding: CalendarFeed(name: "x", zone: berlin, refreshMinutes: 60, events: events).render(),
      as: UTF8.self)
    #expect(!text.contains("TZID"))
    #expect(text.contains("\r\nDTSTART:20270301T170000Z\r\n"))
    #expect(text.contains("\r\nDTSTART:20270401T160000Z\r\n"))
  }

  @Test func allDayEventsAreDates() {
    let event = FeedEvent(
      uid: "u", sequence: 0, stamp: Self.stamp, timing: .allDay(Self.day), summary: "电话访谈")
    let text = String(decoding: Self.feed([event]), as: UTF8.self)
    #expect(text.contains("\r\nDTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261208\r\n"))
  }

  @Test func textValuesAreEscaped() {
    #expect(ContentLine.text("a,b;c\\d\r\ne\u{1}") == "a\\,b\\;c\\\\d\\ne")
  }
}
