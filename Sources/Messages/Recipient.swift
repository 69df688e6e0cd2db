/// The one person a message is for, with that person's id on each channel (from stewards.csv); person-addressed
/// receivers (WeCom and DingTalk applications, Feishu apps, mail) send to these, never to a group.
public struct Recipient: Codable, Sendable, Hashable {
  /// The person's id in stewards.csv (a steward, or a project lead).
  public var person: String
  /// The WeCom user id (`touser`).
  public var wecom: String?
  /// The DingTalk user id (`userid_list`).
  public var dingtalk: String?
  /// The Feishu user id (`receive_id`, `user_id` type).
  public var feishu: String?
  /// The mail address.
  public var email: String?

  /// A recipient with the ids it has.
  public init(
    person: String, wecom: String? = nil, dingtalk: String? = nil, feishu: String? = nil, email: String? = nil
  ) {
    self.person = person
    self.wecom = wecom
    self.dingtalk = dingtalk
    self.feishu = feishu
    self.email = email
  }
}
