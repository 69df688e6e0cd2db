import Messages
import Planner

extension Recipient {
  /// The person of a stewards.csv row, with every channel id the row gives.
  init(_ steward: Steward) {
    self.init(
      person: steward.id, wecom: steward.wecomUserID, dingtalk: steward.dingtalkUserID,
      feishu: steward.feishuUserID, email: steward.email)
  }
}

extension Facts {
  /// The recipient of a steward's (or a lead's) own messages, nil when stewards.csv has no such row.
  func recipient(_ steward: String) -> Recipient? {
    stewards[steward].map(Recipient.init)
  }
}
