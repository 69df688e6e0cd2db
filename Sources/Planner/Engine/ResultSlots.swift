import Foundation

/// Fixed slots that concurrent workers fill, one slot each, taken as they are filled or read after they all
/// finish.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let filled = NSCondition()

  /// `count` empty slots.
  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores the value of slot `index`.
  func store(_ value: Value, at index: Int) {
    filled.lock()
    slots[index] = value
    filled.broadcast()
    filled.unlock()
  }

  /// The value of slot `index`.
  func value(at index: Int) -> Value? {
    filled.lock()
    defer { filled.unlock() }
    return slots[index]
  }

  /// The value of slot `index` once a worker has stored it, taken out (the slot no longer holds it).
  func take(at index: Int) -> Value {
    filled.lock()
    defer { filled.unlock() }
    while true {
      if let value = slots[index] {
        slots[index] = nil
        return value
      }
      filled.wait()
    }
  }
}
