/// A steward (客服管家 / 楼管员) who visits the households of an area.
public struct Steward: Sendable, Hashable, Codable, Identifiable {
  /// The steward's id.
  public var id: String
  /// The steward's name.
  public var name: String
  /// The steward's WeCom user id, when reminders go there.
  public var wecomUserID: String?

  /// A steward from its parts.
  public init(id: String, name: String, wecomUserID: String? = nil) {
    self.id = id
    self.name = name
    self.wecomUserID = wecomUserID
  }
}
