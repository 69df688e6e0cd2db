import Foundation

/// A parallel `for` on threads of its own rather than libdispatch's pool: once that pool has started a
/// worker, its monitor timer wakes the process every second for as long as it lives, which an idle daemon must
/// not do.
enum ParallelLoop {
  /// Calls `body` once for every index of `0..<count`, on up to `threads` threads (this one included), and
  /// returns when every call has.
  static func run(
    _ count: Int, threads: Int = ProcessInfo.processInfo.activeProcessorCount,
    _ body: @escaping @Sendable (Int) -> Void
  ) {
    let indices = IndexDispenser(count: count)
    let helpers = max(0, min(threads, count) - 1)
    let finished = DispatchSemaphore(value: 0)
    for _ in 0..<helpers {
      Thread {
        indices.drain(body)
        finished.signal()
      }.start()
    }
    indices.drain(body)
    for _ in 0..<helpers { finished.wait() }
  }
}

/// Hands out the indices of a loop, each once, to whichever thread asks.
private final class IndexDispenser: @unchecked Sendable {
  private let count: Int
  private var next = 0
  private let lock = NSLock()

  init(count: Int) { self.count = count }

  /// Calls `body` with indices until none is left.
  func drain(_ body: (Int) -> Void) {
    while let index = take() { body(index) }
  }

  private func take() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < count else { return nil }
    next += 1
    return next - 1
  }
}
