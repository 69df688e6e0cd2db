/// A calendar expression, span or window that does not parse, with the part that is wrong.
public struct CalendarSpecError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The whole text that was being parsed.
  public let expression: String
  /// The part of the text that is wrong.
  public let part: String
  /// What is wrong with that part and what was expected.
  public let reason: String

  /// An error about `part` of `expression`.
  public init(expression: String, part: String, reason: String) {
    self.expression = expression
    self.part = part
    self.reason = reason
  }

  /// `invalid calendar expression '…': '…' <reason>`.
  public var description: String {
    part == expression
      ? "invalid calendar expression '\(expression)': \(reason)"
      : "invalid calendar expression '\(expression)': '\(part)': \(reason)"
  }
}
