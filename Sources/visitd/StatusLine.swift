import CalendarSpec
import Foundation

/// The STATUS= line: `312 open, 14 overdue; next: mid-month-spot-check 2027-03-15 09:00 +08:00`.
struct StatusLine {
  let outlook: PlanOutlook
  let next: (what: String, at: Date)?
  let zone: TimeZone
  let problem: String?

  /// The line systemd shows in `systemctl status`.
  var text: String {
    var line = "\(outlook.open) open, \(outlook.overdue) overdue"
    if let next { line += "; next: \(next.what) \(Self.format(next.at, in: zone))" }
    if let problem { line += "; \(problem)" }
    return line
  }

  /// `YYYY-MM-DD HH:MM ±HH:MM` in `zone`.
  static func format(_ instant: Date, in zone: TimeZone) -> String {
    let offset = zone.secondsFromGMT(for: instant)
    let local = Int(instant.timeIntervalSince1970.rounded(.down)) + offset
    let minuteOfDay = ((local % 86_400) + 86_400) % 86_400 / 60
    let sign = offset < 0 ? "-" : "+"
    let magnitude = abs(offset) / 60
    return "\(LocalDate(instant, in: zone)) \(two(minuteOfDay / 60)):\(two(minuteOfDay % 60)) "
      + "\(sign)\(two(magnitude / 60)):\(two(magnitude % 60))"
  }

  private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
