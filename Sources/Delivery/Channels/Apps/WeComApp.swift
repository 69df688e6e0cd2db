import Foundation
import Messages

/// WeCom (企业微信) application messages (应用消息) to one member: `gettoken` with the corp id and the app's
/// secret, then `message/send` to `touser` (developer.work.weixin.qq.com/document/path/90236).
struct WeComApp: AppVendor {
  let baseURL: String
  let corpID: String
  let agentID: Int
  let secret: Secret
  let markdown: Bool

  var vendor: String { "WeCom" }

  func userID(of recipient: Recipient) -> String? { recipient.wecom }

  func tokenRequest() -> AppRequest {
    AppRequest(
      url: baseURL + "/cgi-bin/gettoken?corpid=" + RobotSignature.percentEncoded(corpID) + "&corpsecret="
        + RobotSignature.percentEncoded(secret.value))
  }

  func token(from reply: HTTPReply) -> Result<(token: String, lifetime: TimeInterval), AppFailure> {
    TokenAnswer.read(reply, vendor: self, tokenKey: "access_token", lifetimeKey: "expires_in") {
      code, reason in
      switch code {
      case 40001, 40013, 40091:
        .refused(reason: reason, advice: "检查 corp_id 与应用 Secret（企业微信管理后台 → 应用管理 → 应用 → Secret）")
      default: verdict(code: code, reason: reason)
      }
    }
  }

  /// Text and markdown app messages: `content` at most 2,048 bytes (the message/send page).
  func sendRequest(_ message: RenderedMessage, to userID: String, token: String) -> AppRequest {
    let content: String
    if markdown {
      let title = "**\(message.title)**\n"
      content =
        title
        + TextLimit.truncated(
          message.body, bytes: VendorLimits.weComApp - title.utf8.count, link: message.link)
    } else {
      content = TextLimit.truncated(message.text, bytes: VendorLimits.weComApp, link: message.link)
    }
    let body = Body(
      touser: userID, msgtype: markdown ? "markdown" : "text", agentid: agentID,
      text: markdown ? nil : .init(content: content), markdown: markdown ? .init(content: content) : nil)
    return AppRequest(
      url: baseURL + "/cgi-bin/message/send?access_token=" + RobotSignature.percentEncoded(token),
      headers: [("Content-Type", "application/json")], body: JSONBody.encode(body))
  }

  func verdict(_ reply: HTTPReply) -> AppVerdict {
    if let verdict = statusVerdict(reply) { return verdict }
    let (code, reason) = reason(reply, keys: ["errcode"])
    if code == 0, let invalid = Self.invalidUser(reply.body) {
      return .permanent(
        reason: "WeCom: user \(invalid) is not a member the application may reach (invaliduser)")
    }
    return verdict(code: code, reason: reason)
  }

  /// The codes both answers share: 0 accepted, 40014/42001/40082 a rejected token, 45009/45033 rate limits,
  /// 60020 an IP not allowed, -1 busy.
  private func verdict(code: Int?, reason: String) -> AppVerdict {
    switch code {
    case 0: .accepted
    case 40014, 42001, 40082: .tokenRejected(reason: reason)
    case 45009, 45033: .retry(after: 60, reason: reason)
    case 60020:
      .refused(
        reason: reason,
        advice: "把本服务器的出口 IP 加入企业微信管理后台 → 应用管理 → 应用 → 企业可信IP")
    case 81013, 60111, 40031:
      .permanent(reason: reason + " (the user id is unknown or outside the application's visible range)")
    case -1, nil: .retry(after: nil, reason: reason)
    default: .permanent(reason: reason)
    }
  }

  private static func invalidUser(_ body: Data) -> String? {
    guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any],
      let invalid = object["invaliduser"] as? String, !invalid.isEmpty
    else { return nil }
    return invalid
  }

  private struct Body: Encodable {
    struct Content: Encodable { var content: String }
    var touser: String
    var msgtype: String
    var agentid: Int
    var text: Content?
    var markdown: Content?
    var enableDuplicateCheck = 1
    var duplicateCheckInterval = 1800

    enum CodingKeys: String, CodingKey {
      case touser, msgtype, agentid, text, markdown
      case enableDuplicateCheck = "enable_duplicate_check"
      case duplicateCheckInterval = "duplicate_check_interval"
    }
  }
}
