import CalendarSpec
import Foundation

/// Instants as people read them, in a project's zone.
public enum InstantText {
  /// `2026-03-10 18:05` in `zone`.
  public static func minute(_ instant: Date, in zone: TimeZone) -> String {
    let minuteOfDay = minuteOfDay(instant, offset: zone.secondsFromGMT(for: instant))
    return "\(LocalDate(instant, in: zone)) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60))"
  }

  /// `2026-03-10 18:05 +08:00` in `zone`.
  public static func minuteWithOffset(_ instant: Date, in zone: TimeZone) -> String {
    let offset = zone.secondsFromGMT(for: instant)
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset) / 60
    return minute(instant, in: zone) + " \(sign)\(two(magnitude / 60)):\(two(magnitude % 60))"
  }

  private static func minuteOfDay(_ instant: Date, offset: Int) -> Int {
    let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
    return ((local % 86_400) + 86_400) % 86_400 / 60
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
