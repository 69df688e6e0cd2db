/// A failure of the store, with a message fit for the operator.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public let message: String

  /// An error saying `message`.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}
