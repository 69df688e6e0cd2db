import Foundation

/// A token bucket of `capacity` tokens where each token taken comes back one `period` later.
///
/// Refilling token by token (rather than continuously) means no window of `period` ever holds more
/// than `capacity` sends, which is how the vendors count ("20 a minute").
public struct TokenBucket: Sendable, Hashable {
  /// The most tokens the bucket holds.
  public let capacity: Int
  /// Seconds until a taken token comes back.
  public let period: TimeInterval
  private var taken: [Date] = []

  /// A full bucket of `capacity` tokens per `period` seconds.
  public init(capacity: Int, per period: TimeInterval) {
    self.capacity = max(1, capacity)
    self.period = period
  }

  /// The instant a token is available at or after `now` (`now` itself when one is there).
  public func available(at now: Date) -> Date {
    guard taken.count >= capacity else { return now }
    return max(now, taken[taken.count - capacity].addingTimeInterval(period))
  }

  /// Takes a token at `now`; the caller checked `available(at:)`.
  public mutating func take(at now: Date) {
    let index = taken.lastIndex { $0 <= now }.map { $0 + 1 } ?? 0
    taken.insert(now, at: index)
    if taken.count > capacity { taken.removeFirst(taken.count - capacity) }
  }
}

/// A receiver's budgets together: a send needs a token from every bucket.
public struct RateBudget: Sendable, Hashable {
  private var buckets: [TokenBucket]

  /// A budget of the given buckets (none: unlimited).
  public init(_ buckets: [TokenBucket]) { self.buckets = buckets }

  /// WeCom and DingTalk group robots: 20 a minute.
  public static let chatRobot = RateBudget([TokenBucket(capacity: 20, per: 60)])
  /// Feishu custom bots: 5 a second and 100 a minute.
  public static let feishu = RateBudget([
    TokenBucket(capacity: 5, per: 1), TokenBucket(capacity: 100, per: 60),
  ])
  /// No limit.
  public static let unlimited = RateBudget([])

  /// The first instant at or after `now` at which every bucket has a token.
  public func available(at now: Date) -> Date {
    var ready = now
    while true {
      let next = buckets.map { $0.available(at: ready) }.max() ?? ready
      if next <= ready { return ready }
      ready = next
    }
  }

  /// Takes a token from every bucket and returns nil, or takes nothing and returns when to try again.
  public mutating func reserve(at now: Date) -> Date? {
    let ready = available(at: now)
    guard ready <= now else { return ready }
    for index in buckets.indices { buckets[index].take(at: now) }
    return nil
  }

  /// Books the next free instant at or after `now` and returns it (for spacing rows held back).
  public mutating func book(after now: Date) -> Date {
    let ready = available(at: now)
    for index in buckets.indices { buckets[index].take(at: ready) }
    return ready
  }
}
