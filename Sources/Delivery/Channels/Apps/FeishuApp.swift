import Crypto
import Foundation
import Messages

/// Feishu (飞书) messages from the company's app to one user: a `tenant_access_token` from the app id and
/// secret, then `im/v1/messages?receive_id_type=user_id`.
struct FeishuApp: AppVendor {
  let baseURL: String
  let appID: String
  let appSecret: Secret

  var vendor: String { "Feishu" }

  func userID(of recipient: Recipient) -> String? { recipient.feishu }

  func tokenRequest() -> AppRequest {
    AppRequest(
      url: baseURL + "/open-apis/auth/v3/tenant_access_token/internal",
      headers: [("Content-Type", "application/json; charset=utf-8")],
      body: JSONBody.encode(["app_id": appID, "app_secret": appSecret.value]))
  }

  func token(from reply: HTTPReply) -> Result<(token: String, lifetime: TimeInterval), AppFailure> {
    TokenAnswer.read(
      reply, vendor: self, tokenKey: "tenant_access_token", lifetimeKey: "expire", keys: ["code"]
    ) { code, reason in
      switch code {
      case 10003, 10014:
        .refused(reason: reason, advice: "检查 app_id 与 app_secret（飞书开发者后台 → 应用 → 凭证与基础信息）")
      default: verdict(code: code, reason: reason)
      }
    }
  }

  /// A text message; `uuid` from the outbox key and the user, so Feishu drops a resend within its hour.
  func sendRequest(_ message: RenderedMessage, to userID: String, token: String) -> AppRequest {
    let uuid = SHA256.hash(data: Data((message.key + "\n" + userID).utf8)).prefix(16)
      .map { String(format: "%02x", $0) }.joined()
    let encode = { (text: String) -> Data in
      JSONBody.encode(
        Body(
          receiveID: userID, content: String(decoding: JSONBody.encode(["text": text]), as: UTF8.self),
          uuid: uuid))
    }
    let text = TextLimit.fitted(message.text, limit: VendorLimits.feishuMessage, link: message.link) {
      encode($0).count
    }
    return AppRequest(
      url: baseURL + "/open-apis/im/v1/messages?receive_id_type=user_id",
      headers: [("Content-Type", "application/json; charset=utf-8"), ("Authorization", "Bearer " + token)],
      body: encode(text))
  }

  func verdict(_ reply: HTTPReply) -> AppVerdict {
    if let verdict = statusVerdict(reply) { return verdict }
    let (code, reason) = reason(reply, keys: ["code"])
    return verdict(code: code, reason: reason)
  }

  /// 0 accepted, 99991661/99991663/99991668/99991677 a rejected token, 99991400 the rate limit, 99991401 an IP
  /// not allowed, 99991672 a permission the app lacks.
  private func verdict(code: Int?, reason: String) -> AppVerdict {
    switch code {
    case 0: .accepted
    case 99_991_661, 99_991_663, 99_991_668, 99_991_677: .tokenRejected(reason: reason)
    case 99_991_400: .retry(after: 60, reason: reason)
    case 99_991_401:
      .refused(reason: reason, advice: "把本服务器的出口 IP 加入飞书开发者后台 → 应用 → 安全设置 → IP 白名单")
    case 99_991_672:
      .refused(reason: reason, advice: "在飞书开发者后台为应用开通 im:message:send_as_bot 权限并发布新版本")
    case nil: .retry(after: nil, reason: reason)
    default: .permanent(reason: reason)
    }
  }

  private struct Body: Encodable {
    var receiveID: String
    var msgType = "text"
    var content: String
    var uuid: String

    init(receiveID: String, content: String, uuid: String) {
      self.receiveID = receiveID
      self.content = content
      self.uuid = uuid
    }

    enum CodingKeys: String, CodingKey {
      case content, uuid
      case receiveID = "receive_id"
      case msgType = "msg_type"
    }
  }
}
