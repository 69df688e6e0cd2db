import CSystemd
import Glibc

/// Tells the service manager about the service's state (sd_notify); silent when not run by systemd.
public struct ServiceNotifier: Sendable {
  /// A notifier that sends to `$NOTIFY_SOCKET`.
  public init() {}

  /// Whether a service manager listens (`$NOTIFY_SOCKET` is set).
  public var isListening: Bool { getenv("NOTIFY_SOCKET") != nil }

  /// The service is up and serving; `status` is shown by `systemctl status`.
  public func ready(status: String) { send(["READY=1", "STATUS=\(status)"]) }

  /// The service is re-reading its configuration.
  public func reloading(status: String) {
    send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())", "STATUS=\(status)"])
  }

  /// The service is shutting down.
  public func stopping(status: String) { send(["STOPPING=1", "STATUS=\(status)"]) }

  /// A new one-line status for `systemctl status`.
  public func status(_ text: String) { send(["STATUS=\(text)"]) }

  /// Keeps the watchdog from restarting the service.
  public func watchdog() { send(["WATCHDOG=1"]) }

  private func send(_ assignments: [String]) {
    let message = assignments.map { $0.replacingNewlines() }.joined(separator: "\n")
    _ = sd_notify(0, message)
  }

  private static func monotonicMicroseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
  }
}

extension String {
  fileprivate func replacingNewlines() -> String {
    String(map { $0 == "\n" ? " " : $0 })
  }
}
