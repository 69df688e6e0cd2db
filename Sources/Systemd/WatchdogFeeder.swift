import Foundation

/// Keeps telling systemd the service is alive while long work (a whole re-plan) holds the loop that pings.
public enum WatchdogFeeder {
  /// Runs `work` on this thread while a thread of its own sends WATCHDOG=1 every `interval` (nothing when the
  /// watchdog is off); the pings stop when `work` returns or throws.
  public static func feeding<T>(
    every interval: Duration? = Watchdog.pingInterval, notifier: ServiceNotifier = ServiceNotifier(),
    _ work: () throws -> T
  ) rethrows -> T {
    guard let interval else { return try work() }
    let done = Done()
    let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
    let pinger = Thread {
      while !done.wait(seconds: seconds) { notifier.watchdog() }
    }
    pinger.name = "visitd-watchdog"
    pinger.start()
    defer { done.signal() }
    return try work()
  }

  /// A flag set once, waited for with a deadline.
  private final class Done: @unchecked Sendable {
    private let condition = NSCondition()
    private var isSet = false

    func signal() {
      condition.lock()
      isSet = true
      condition.broadcast()
      condition.unlock()
    }

    /// Whether the flag was set within `seconds`.
    func wait(seconds: Double) -> Bool {
      condition.lock()
      defer { condition.unlock() }
      let deadline = Date().addingTimeInterval(seconds)
      while !isSet && condition.wait(until: deadline) {}
      return isSet
    }
  }
}
