import Foundation

/// What one delivery pass did.
public struct DeliveryPass: Sendable, Hashable, Codable {
  /// Rows claimed.
  public var claimed = 0
  /// Rows the receivers accepted.
  public var delivered = 0
  /// Rows that failed for now and wait for a retry.
  public var retried = 0
  /// Rows held back by quiet hours or a rate budget.
  public var deferred = 0
  /// Rows dead-lettered.
  public var dead = 0
  /// Rows resent after a crash while their first request may have left.
  public var possibleDuplicates = 0

  /// An empty pass.
  public init() {}

  /// Counts one row's result.
  mutating func count(_ result: OutboxResultKind) {
    switch result {
    case .delivered: delivered += 1
    case .retry: retried += 1
    case .deferred: deferred += 1
    case .dead: dead += 1
    }
  }

  /// Adds another pass's counts.
  public mutating func add(_ other: DeliveryPass) {
    claimed += other.claimed
    delivered += other.delivered
    retried += other.retried
    deferred += other.deferred
    dead += other.dead
    possibleDuplicates += other.possibleDuplicates
  }
}

/// The kind of a row's result, for counting.
enum OutboxResultKind {
  case delivered, retry, deferred, dead
}
