import CalendarSpec
import Foundation
import Testing

/// Spellings systemd-analyze calendar (systemd 252) accepts that CalendarSpec once refused (issue 16).
@Suite struct SystemdVariantTests {
  private static let base = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01 00:00 UTC

  /// systemd's `Normalized form:` for each, recorded with systemd-analyze calendar on Debian 12.
  @Test(arguments: [
    ("@ 15", "1970-01-01 00:00:15 UTC"), ("@ +51", "1970-01-01 00:00:51 UTC"),
    ("@  15", "1970-01-01 00:00:15 UTC"), ("@+15", "1970-01-01 00:00:15 UTC"),
    ("@\t15", "1970-01-01 00:00:15 UTC"), ("@ +0", "1970-01-01 00:00:00 UTC"),
    ("@  +7 UTC", "1970-01-01 00:00:07 UTC"), ("@ 1 posix/UTC", "1970-01-01 00:00:01 UTC"),
  ])
  func timestampsMayHaveSpaceOrPlusAfterTheAt(_ expression: String, _ normalized: String) throws {
    #expect(try CalendarEvent(parsing: expression).normalized == normalized)
  }

  @Test(arguments: ["@ -5", "@-5", "@+ 15", "@+", "@ ", "@+-1", "@ 1.5"])
  func timestampsSystemdRefusesStayRefused(_ expression: String) {
    #expect(throws: CalendarSpecError.self) { try CalendarEvent(parsing: expression) }
  }

  /// (expression, normalized, next elapse after 2026-01-01 00:00 UTC as systemd gives it, ours).
  @Test(arguments: [
    ("*-*-* 09:00 posix/Asia/Shanghai", "*-*-* 09:00:00 posix/Asia/Shanghai", 1_767_229_200, 1_767_229_200),
    ("*-*-* 09:00 posix/UTC", "*-*-* 09:00:00 posix/UTC", 1_767_258_000, 1_767_258_000),
    ("*-*-* 09:00 posix/Etc/GMT+8", "*-*-* 09:00:00 posix/Etc/GMT+8", 1_767_286_800, 1_767_286_800),
    // right/ zones: systemd elapses 27 leap seconds late on a POSIX clock; we elapse at the wall time.
    ("*-*-* 09:00 right/Asia/Shanghai", "*-*-* 09:00:00 right/Asia/Shanghai", 1_767_229_227, 1_767_229_200),
    ("*-*-* 09:00 right/UTC", "*-*-* 09:00:00 right/UTC", 1_767_258_027, 1_767_258_000),
  ])
  func posixAndRightZonesAreTheirZone(_ expression: String, _ normalized: String, _ systemd: Int, _ ours: Int)
    throws
  {
    let event = try CalendarEvent(parsing: expression)
    #expect(event.normalized == normalized)
    let next = event.nextElapse(after: Self.base, in: TimeZone(secondsFromGMT: 0)!)
    #expect(next.map { Int($0.timeIntervalSince1970) } == ours)
    #expect(systemd - ours == (expression.contains("right/") ? 27 : 0))
  }

  @Test(arguments: ["*-*-* 09:00 posix/Nowhere/City", "*-*-* 09:00 right/Europe/Berln", "*-*-* 09:00 posix/"])
  func unknownVariantZonesAreRefused(_ expression: String) {
    #expect(throws: CalendarSpecError.self) { try CalendarEvent(parsing: expression) }
  }
}
