/// A use case refused its input or could not finish, with a message for the person who asked.
public struct OperationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, naming the field, file or line at fault.
  public let description: String

  /// An error saying `description`.
  public init(_ description: String) { self.description = description }
}
