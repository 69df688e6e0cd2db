import CSystemd

/// The watchdog interval systemd expects pings within (`WatchdogSec=`).
public enum Watchdog {
  /// The interval when the watchdog is enabled for this process, else nil.
  public static var interval: Duration? {
    var microseconds: UInt64 = 0
    guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
    return .microseconds(Int64(microseconds))
  }

  /// How often to ping: half the interval, as sd_watchdog_enabled(3) recommends.
  public static var pingInterval: Duration? { interval.map { $0 / 2 } }
}
