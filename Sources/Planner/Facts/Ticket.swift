import Foundation

/// A ticket (报事) raised in a visit; its closing opens the follow-up window.
public struct Ticket: Sendable, Hashable, Codable, Identifiable {
  /// The ticket number.
  public var number: String
  /// The household code.
  public var household: String
  /// The visit that raised it.
  public var visit: String
  /// When it was closed; nil while open.
  public var closedAt: Date?

  /// A ticket from its parts.
  public init(number: String, household: String, visit: String, closedAt: Date? = nil) {
    self.number = number
    self.household = household
    self.visit = visit
    self.closedAt = closedAt
  }

  /// The ticket number.
  public var id: String { number }
}
