import Foundation
import Systemd

/// Keeps the watchdog fed while the loop is awake: a ping as a pass begins, then one every quarter of
/// `WatchdogSec=` until it ends.
///
/// Any part of a pass may be long at a million households (the New Year re-plan, a catch-up schedule run with
/// its thousands of messages, delivering them), and the loop pings only between passes; feeding only the big
/// reads left a gap of 100 s across a New Year's night (scripts/bench-newyear.py).
final class WatchdogPass: @unchecked Sendable {
  private let condition = NSCondition()
  private var ended = false

  /// Starts a pass: pings now and then from a thread of its own (nothing when the watchdog is off).
  static func begin(notifier: ServiceNotifier = ServiceNotifier()) -> WatchdogPass {
    let pass = WatchdogPass()
    guard let interval = Watchdog.interval else { return pass }
    let quarter = interval / 4
    let seconds = quarter.seconds
    notifier.watchdog()
    let pinger = Thread {
      while !pass.waitForEnd(seconds: seconds) { notifier.watchdog() }
    }
    pinger.name = "visitd-watchdog"
    pinger.start()
    return pass
  }

  /// Ends the pass: its pings stop.
  func end() {
    condition.lock()
    ended = true
    condition.broadcast()
    condition.unlock()
  }

  /// Whether the pass ended within `seconds`.
  private func waitForEnd(seconds: Double) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    let deadline = Date().addingTimeInterval(seconds)
    while !ended && condition.wait(until: deadline) {}
    return ended
  }
}
