import Foundation
import Logging
import Messages

/// The default receiver: the message goes to the journal (or stderr) through the logger.
public struct ConsoleChannel: DeliveryChannel {
  /// The receiver's name.
  public let name: String
  let logger: Logger

  /// A console receiver logging through `logger`.
  public init(name: String = "console", logger: Logger) {
    self.name = name
    self.logger = logger
  }

  /// Logs the message at notice level; always delivered.
  public func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    logger.notice(
      "\(message.title)\n\(message.body)",
      metadata: ["outbox_key": "\(message.key)", "receiver": "\(name)"])
    return .delivered
  }
}
