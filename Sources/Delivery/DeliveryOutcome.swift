import Foundation

/// What one attempt to send a message came to.
public enum DeliveryOutcome: Sendable, Equatable {
  /// The receiver accepted the message.
  case delivered
  /// The receiver could not take it now; try again, no sooner than `after` seconds when given.
  case retry(after: TimeInterval?, reason: String)
  /// The receiver will never take it; retrying is pointless.
  case permanent(reason: String)
  /// The vendor refuses this receiver until an admin changes its configuration (`advice` says what, in
  /// Chinese); the message is given up on and the admin told once a day per receiver.
  case refused(reason: String, advice: String)
}
