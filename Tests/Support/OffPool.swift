import Foundation

/// Runs blocking work (waiting on a child process or a socket) on a thread of its own, so that tests which
/// wait do not hold the cooperative pool the async tests need.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread.detachNewThread { continuation.resume(with: Result { try work() }) }
  }
}
