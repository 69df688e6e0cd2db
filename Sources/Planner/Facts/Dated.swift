import Foundation

/// A value that holds from an instant on, until the next entry of its history.
public struct Dated<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
  /// The value.
  public var value: Value
  /// When it started to hold.
  public var since: Date

  /// `value` holding since `since`.
  public init(_ value: Value, since: Date) {
    self.value = value
    self.since = since
  }
}

extension Collection {
  /// The value in force at `instant` in a history sorted by `since`, or nil before the first entry.
  func value<V>(at instant: Date) -> V? where Element == Dated<V> {
    var result: V?
    for entry in self {
      if entry.since > instant { break }
      result = entry.value
    }
    return result
  }
}
