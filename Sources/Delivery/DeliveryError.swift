/// A configuration or delivery failure, with a message fit for the operator (secrets redacted).
public struct DeliveryError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public let message: String

  /// An error saying `message`.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}
