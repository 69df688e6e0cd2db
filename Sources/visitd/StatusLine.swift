import CalendarSpec
import Foundation
import Operations

/// The STATUS= line: `312 open, 14 overdue; next: mid-month-spot-check 2027-03-15 09:00 +08:00`.
struct StatusLine {
  let outlook: PlanOutlook
  let next: (what: String, at: Date)?
  let zone: TimeZone
  let problem: String?

  /// The line systemd shows in `systemctl status`.
  var text: String {
    var line = "\(outlook.open) open, \(outlook.overdue) overdue"
    if let next { line += "; next: \(next.what) \(InstantText.minuteWithOffset(next.at, in: zone))" }
    if let problem { line += "; \(problem)" }
    return line
  }
}
