import Foundation
import Messages

/// DingTalk (钉钉) work notifications (工作通知) to one user: `gettoken` with the app key and secret, then
/// `topapi/message/corpconversation/asyncsend_v2` to `userid_list`.
struct DingTalkApp: AppVendor {
  let baseURL: String
  let appKey: String
  let appSecret: Secret
  let agentID: Int
  let markdown: Bool

  var vendor: String { "DingTalk" }

  func userID(of recipient: Recipient) -> String? { recipient.dingtalk }

  func tokenRequest() -> AppRequest {
    AppRequest(
      url: baseURL + "/gettoken?appkey=" + RobotSignature.percentEncoded(appKey) + "&appsecret="
        + RobotSignature.percentEncoded(appSecret.value))
  }

  func token(from reply: HTTPReply) -> Result<(token: String, lifetime: TimeInterval), AppFailure> {
    TokenAnswer.read(reply, vendor: self, tokenKey: "access_token", lifetimeKey: "expires_in") {
      code, reason in
      switch code {
      case 40001, 40089, 40096:
        .refused(reason: reason, advice: "检查 app_key 与 app_secret（钉钉开放平台 → 应用开发 → 凭证与基础信息）")
      default: verdict(code: code, reason: reason)
      }
    }
  }

  func sendRequest(_ message: RenderedMessage, to userID: String, token: String) -> AppRequest {
    let limit = VendorLimits.dingTalkWorkNotice
    let msg: Message
    if markdown {
      let text =
        "### \(message.title)\n" + TextLimit.truncated(message.body, bytes: limit, link: message.link)
      msg = Message(msgtype: "markdown", markdown: .init(title: message.title, text: text))
    } else {
      msg = Message(
        msgtype: "text",
        text: .init(content: TextLimit.truncated(message.text, bytes: limit, link: message.link)))
    }
    return AppRequest(
      url: baseURL + "/topapi/message/corpconversation/asyncsend_v2?access_token="
        + RobotSignature.percentEncoded(token),
      headers: [("Content-Type", "application/json")],
      body: JSONBody.encode(Body(agentID: agentID, useridList: userID, msg: msg)))
  }

  func verdict(_ reply: HTTPReply) -> AppVerdict {
    if let verdict = statusVerdict(reply) { return verdict }
    let (code, reason) = reason(reply, keys: ["errcode"])
    return verdict(code: code, reason: reason)
  }

  /// 0 accepted, 40014/42001 a rejected token, 88/90002/90018 rate limits, 60020 an IP not allowed, -1 busy.
  private func verdict(code: Int?, reason: String) -> AppVerdict {
    switch code {
    case 0: .accepted
    case 40014, 42001: .tokenRejected(reason: reason)
    case 88, 90002, 90018: .retry(after: 60, reason: reason)
    case 60020:
      .refused(reason: reason, advice: "把本服务器的出口 IP 加入钉钉开放平台 → 应用 → 开发管理 → 服务器出口IP")
    case -1, nil: .retry(after: nil, reason: reason)
    default: .permanent(reason: reason)
    }
  }

  private struct Body: Encodable {
    var agentID: Int
    var useridList: String
    var msg: Message

    enum CodingKeys: String, CodingKey {
      case msg
      case agentID = "agent_id"
      case useridList = "userid_list"
    }
  }

  private struct Message: Encodable {
    struct Text: Encodable { var content: String }
    struct Markdown: Encodable {
      var title: String
      var text: String
    }
    var msgtype: String
    var text: Text? = nil
    var markdown: Markdown? = nil
  }
}
