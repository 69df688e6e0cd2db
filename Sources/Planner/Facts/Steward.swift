/// A steward (客服管家 / 楼管员) who visits the households of an area; project leads are rows of the same file.
public struct Steward: Sendable, Hashable, Codable, Identifiable {
  /// The steward's id.
  public var id: String
  /// The steward's name.
  public var name: String
  /// The steward's WeCom user id, when reminders go there.
  public var wecomUserID: String?
  /// The steward's DingTalk user id, for work notifications.
  public var dingtalkUserID: String?
  /// The steward's Feishu user id, for messages from the company's Feishu app.
  public var feishuUserID: String?
  /// The steward's mail address.
  public var email: String?

  /// A steward from its parts.
  public init(
    id: String, name: String, wecomUserID: String? = nil, dingtalkUserID: String? = nil,
    feishuUserID: String? = nil, email: String? = nil
  ) {
    self.id = id
    self.name = name
    self.wecomUserID = wecomUserID
    self.dingtalkUserID = dingtalkUserID
    self.feishuUserID = feishuUserID
    self.email = email
  }
}
