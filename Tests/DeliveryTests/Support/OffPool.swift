import Foundation

/// Runs blocking work (a socket wait) on a thread of its own, so the cooperative pool stays free.
///
/// A copy of `offPool` in `Tests/Support`, which the delivery tests do not link.
func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
  }
}

/// Polls `condition` every `interval` until it holds or `timeout` seconds pass; true when it held.
func eventually(
  timeout: TimeInterval, every interval: Duration = .milliseconds(20),
  _ condition: () throws -> Bool
) async throws -> Bool {
  let deadline = Date().addingTimeInterval(timeout)
  while Date() < deadline {
    if try condition() { return true }
    try await Task.sleep(for: interval)
  }
  return try condition()
}
