/// A feedback category of the month: how often, by how many households, and whether it is a common matter.
public struct HotIssue: Sendable, Hashable, Codable {
  /// The feedback category id.
  public let category: String
  /// Feedback items filed under it.
  public let items: Int
  /// Distinct households that raised it.
  public let households: Int
  /// Raised by enough households of the project to publish with its progress (共性事项).
  public let commonMatter: Bool
}
