import Foundation

/// What one attempt to send a message came to.
public enum DeliveryOutcome: Sendable, Equatable {
  /// The receiver accepted the message.
  case delivered
  /// The receiver could not take it now; try again, no sooner than `after` seconds when given.
  case retry(after: TimeInterval?, reason: String)
  /// The receiver will never take it; retrying is pointless.
  case permanent(reason: String)
}
