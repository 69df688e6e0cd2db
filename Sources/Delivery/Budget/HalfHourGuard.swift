import Foundation

/// Keeps sends off the busy instants around :00 and :30 (Feishu asks bots to avoid them).
public struct HalfHourGuard: Sendable, Hashable {
  /// Seconds kept free on each side of :00 and :30.
  public let margin: TimeInterval
  /// The zone whose clock the half hours are read on.
  public let zone: TimeZone

  /// A guard of `margin` seconds (default one minute) each side of the half hour.
  public init(margin: TimeInterval = 60, zone: TimeZone) {
    self.margin = margin
    self.zone = zone
  }

  /// `now` when clear of the half hour, else the first instant clear of it.
  public func nextAllowed(after now: Date) -> Date {
    let seconds = now.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: now))
    let position = seconds.truncatingRemainder(dividingBy: 1800)
    if position < margin { return now.addingTimeInterval(margin - position) }
    if position >= 1800 - margin { return now.addingTimeInterval(1800 - position + margin) }
    return now
  }
}
