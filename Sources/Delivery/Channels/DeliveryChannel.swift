import Foundation
import Messages

/// A way to reach people: one receiver (a robot, a mailbox, the journal) behind one `send`.
public protocol DeliveryChannel: Sendable {
  /// The receiver's name in the configuration.
  var name: String { get }

  /// Sends one message; never throws, every failure is classified.
  func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome
}
