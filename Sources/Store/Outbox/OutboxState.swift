/// Where an outbox row stands; `sending` and `resending` are written before a request leaves.
public enum OutboxState: String, Codable, Sendable, CaseIterable {
  /// Waiting for its `next_attempt`.
  case pending
  /// Claimed by a worker under a lease; no request has left yet.
  case claimed
  /// A request may be on its way (written before it leaves).
  case sending
  /// Recovered after a worker died while sending: the next send may duplicate the first.
  case reclaimed
  /// The one resend of a possibly-sent message may be on its way.
  case resending
  /// The receiver accepted it.
  case delivered
  /// Given up on: permanent failure, too old, or in doubt twice; the admin is told.
  case dead
}
