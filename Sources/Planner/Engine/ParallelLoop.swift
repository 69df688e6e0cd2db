import Foundation

/// A parallel `for` on threads of its own rather than libdispatch's pool: once that pool has started a
/// worker, its monitor timer wakes the process every second for as long as it lives, which an idle daemon must
/// not do.
enum ParallelLoop {
  /// Calls `body` once for every index of `0..<count`, on up to `threads` threads (this one included), and
  /// returns when every call has.
  static func run(
    _ count: Int, threads: Int,
    _ body: @escaping @Sendable (Int) -> Void
  ) {
    let indices = IndexDispenser(count: count)
    let helpers = start(indices, threads: max(0, min(threads, count) - 1), body)
    indices.drain(body)
    helpers.wait()
  }

  /// Starts calling `body` once for every index of `0..<count`, on up to `threads` threads of its own (at least
  /// one), and returns at once; `wait` on what it returns before the calls' effects are used.
  static func start(
    _ count: Int, threads: Int,
    _ body: @escaping @Sendable (Int) -> Void
  ) -> Helpers {
    start(IndexDispenser(count: count), threads: max(1, min(threads, count)), body)
  }

  private static func start(
    _ indices: IndexDispenser, threads: Int, _ body: @escaping @Sendable (Int) -> Void
  ) -> Helpers {
    let helpers = Helpers(count: threads)
    for _ in 0..<threads {
      Thread {
        indices.drain(body)
        helpers.finished.signal()
      }.start()
    }
    return helpers
  }

  /// Threads started by `start`.
  struct Helpers {
    let count: Int
    fileprivate let finished = DispatchSemaphore(value: 0)

    /// Returns when every thread has run out of indices.
    func wait() {
      for _ in 0..<count { finished.wait() }
    }
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
