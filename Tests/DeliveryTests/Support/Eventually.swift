import Foundation

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
