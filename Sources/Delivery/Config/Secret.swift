/// A secret read from a credential or a private file; prints as `***`, never as itself.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
  /// The secret text (use only to build a request).
  public let value: String

  /// Wraps a secret value.
  public init(_ value: String) { self.value = value }

  /// Always `***`.
  public var description: String { "***" }

  /// Always `***`.
  public var debugDescription: String { "***" }
}
