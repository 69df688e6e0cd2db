import CalendarSpec
import Foundation
import Testing

/// Normal forms as systemd 252 prints them (checked with `systemd-analyze calendar`).
@Suite struct NormalizationTests {
  static let forms: [(String, String)] = [
    ("*:2/3", "*-*-* *:02/3:00"),
    ("quarterly", "*-01,04,07,10-01 00:00:00"),
    ("semiannually", "*-01,07-01 00:00:00"),
    ("minutely", "*-*-* *:*:00"),
    ("hourly", "*-*-* *:00:00"),
    ("daily", "*-*-* 00:00:00"),
    ("weekly", "Mon *-*-* 00:00:00"),
    ("monthly", "*-*-01 00:00:00"),
    ("yearly", "*-01-01 00:00:00"),
    ("annually", "*-01-01 00:00:00"),
    ("*-*-15 09:00 Asia/Shanghai", "*-*-15 09:00:00 Asia/Shanghai"),
    ("mon..fri 9:00", "Mon..Fri *-*-* 09:00:00"),
    ("Monday,Wednesday *-*-1..7 12:00", "Mon,Wed *-*-01..07 12:00:00"),
    ("Mon,Tue,Wed,Sat,Sun", "Mon..Wed,Sat,Sun *-*-* 00:00:00"),
    ("Mon..Sun", "*-*-* 00:00:00"),
    ("Mon-Wed", "Mon..Wed *-*-* 00:00:00"),
    ("Tue,", "Tue *-*-* 00:00:00"),
    ("*-*-* 9:00 utc", "*-*-* 09:00:00 UTC"),
    ("*:*:0/0.5", "*-*-* *:*:00/0.500000"),
    ("1:2:3.1234567", "*-*-* 01:02:03.123457"),
    ("*:*:1.5..3.5", "*-*-* *:*:01.500000..03.500000"),
    ("*:*:1..3/5", "*-*-* *:*:01"),
    ("5..5:00", "*-*-* 05:00:00"),
    ("26-1-1", "2026-01-01 00:00:00"),
    ("99-1-1", "1999-01-01 00:00:00"),
    ("2026..2030-01-1..31/10", "2026..2030-01-01..31/10 00:00:00"),
    ("Mon *-05~07/1", "Mon *-05~07/1 00:00:00"),
    ("*-02~03", "*-02~03 00:00:00"),
    ("@1700000000", "2023-11-14 22:13:20 UTC"),
    ("3,1,2,1:00", "*-*-* 01,02,03:00:00"),
  ]

  @Test(arguments: forms)
  func normalizes(_ expression: String, _ expected: String) throws {
    #expect(try CalendarEvent(parsing: expression).normalized == expected)
  }

  @Test(arguments: forms.map(\.1) + Fixtures.elapses.map(\.normalized))
  func normalizingANormalFormChangesNothing(_ form: String) throws {
    #expect(try CalendarEvent(parsing: form).normalized == form)
  }

  @Test func keepsTheZone() throws {
    let event = try CalendarEvent(parsing: "*-*-15 09:00 Asia/Shanghai")
    #expect(event.timeZone?.identifier == "Asia/Shanghai")
    #expect(event.original == "*-*-15 09:00 Asia/Shanghai")
    #expect(try CalendarEvent(parsing: "daily").timeZone == nil)
    #expect(try CalendarEvent(parsing: "daily UTC").timeZone?.secondsFromGMT() == 0)
  }
}
