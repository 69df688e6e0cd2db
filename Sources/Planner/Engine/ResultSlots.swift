import Foundation

/// Fixed slots that concurrent workers fill, one slot each, read after they all finish.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  /// `count` empty slots.
  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores the value of slot `index`.
  func store(_ value: Value, at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  /// The value of slot `index`.
  func value(at index: Int) -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return slots[index]
  }
}
