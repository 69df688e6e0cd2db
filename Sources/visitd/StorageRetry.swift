import Foundation

/// When the daemon may try its store again (to start, or to store a schedule run) after it failed: 5 s, doubling
/// to 5 minutes.
struct StorageRetry {
  /// Failures in a row.
  private(set) var failures = 0
  /// The next attempt, nil while storing works.
  private(set) var retryAt: Date?

  /// Whether storing may be tried at `now`.
  func mayTry(at now: Date) -> Bool { retryAt.map { $0 <= now } ?? true }

  /// Records a failure at `now`; the next attempt.
  mutating func failed(at now: Date) -> Date {
    failures += 1
    let delay = min(300, 5 * pow(2, Double(min(failures - 1, 10))))
    let next = now.addingTimeInterval(delay)
    retryAt = next
    return next
  }

  /// Records a success; whether it ends a run of failures.
  mutating func succeeded() -> Bool {
    defer {
      failures = 0
      retryAt = nil
    }
    return failures > 0
  }

  /// What STATUS= says while storing fails.
  var problem: String? {
    failures == 0 ? nil : "storage failing (\(failures) attempt(s)), schedules held back"
  }
}
