import Foundation

/// Exponential backoff with jitter, and the age after which a row is dead-lettered.
public struct Backoff: Sendable {
  /// The policy.
  public let policy: RetryPolicy
  private let random: @Sendable () -> Double

  /// A backoff drawing jitter from `random` (a value in 0..<1).
  public init(policy: RetryPolicy, random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }) {
    self.policy = policy
    self.random = random
  }

  /// The delay after the `attempts`-th failed attempt: first·2^(n−1), capped, ±jitter, at least `minimum`.
  public func delay(attempts: Int, minimum: TimeInterval?) -> TimeInterval {
    let exponent = Double(max(0, min(attempts - 1, 30)))
    let base = min(policy.maxDelay, policy.first * pow(2, exponent))
    let jittered = base * (1 - policy.jitter + 2 * policy.jitter * random())
    return max(jittered, minimum ?? 0)
  }

  /// The next attempt after a failure at `now`, or nil when that would pass the row's maximum age.
  public func nextAttempt(createdAt: Date, attempts: Int, minimum: TimeInterval?, now: Date) -> Date? {
    let next = now.addingTimeInterval(delay(attempts: attempts, minimum: minimum))
    return next.timeIntervalSince(createdAt) > policy.maxAge ? nil : next
  }
}
