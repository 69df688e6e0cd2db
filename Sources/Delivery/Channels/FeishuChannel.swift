import Foundation
import Messages

/// A Feishu (飞书) custom bot: `POST {base}/open-apis/bot/v2/hook/TOKEN`, signed in the body.
public struct FeishuChannel: DeliveryChannel {
  /// The receiver's name.
  public let name: String
  let baseURL: String
  let token: Secret
  let secret: Secret?
  let transport: any HTTPTransport
  let timeout: TimeInterval

  /// A bot at `baseURL` (default `https://open.feishu.cn`), signed when `secret` is set.
  public init(
    name: String, baseURL: String, token: Secret, secret: Secret?, transport: any HTTPTransport,
    timeout: TimeInterval
  ) {
    self.name = name
    self.baseURL = baseURL
    self.token = token
    self.secret = secret
    self.transport = transport
    self.timeout = timeout
  }

  /// Posts the message; `code` 0 delivered, 11232 retry, 19021 and others permanent.
  public func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    let url = baseURL + "/open-apis/bot/v2/hook/" + RobotSignature.percentEncoded(token.value)
    do {
      let reply = try await transport.post(
        url: url, headers: [("Content-Type", "application/json")], body: body(message, now: now),
        timeout: timeout)
      return Self.classify(reply)
    } catch {
      return VendorReply.failure(error)
    }
  }

  /// The request body: a text message with `timestamp` (seconds) and `sign` when signing, within Feishu's
  /// 20 KB.
  func body(_ message: RenderedMessage, now: Date) -> Data {
    let mentions = message.mentions.map { "<at user_id=\"\($0)\"></at>" }.joined()
    var body = Body(content: .init(text: ""))
    if let secret {
      let seconds = Int64(now.timeIntervalSince1970.rounded(.down))
      body.timestamp = String(seconds)
      body.sign = RobotSignature.feishu(timestampSeconds: seconds, secret: secret.value)
    }
    let encode = { (text: String) -> Data in
      var filled = body
      filled.content.text = text + mentions
      return JSONBody.encode(filled)
    }
    return encode(
      TextLimit.fitted(message.text, limit: VendorLimits.feishuBody, link: message.link) { encode($0).count })
  }

  static func classify(_ reply: HTTPReply) -> DeliveryOutcome {
    if let failure = VendorReply.status(reply.status) { return failure }
    let code = VendorReply.code(reply.body, keys: ["code", "StatusCode"])
    let reason = "Feishu code \(code.map(String.init) ?? "missing"): \(VendorReply.message(reply.body))"
    switch code {
    case 0: return .delivered
    case 11_232: return .retry(after: 60, reason: reason)
    case nil: return .retry(after: nil, reason: reason)
    default: return .permanent(reason: reason)
    }
  }

  private struct Body: Encodable {
    struct Content: Encodable { var text: String }
    var timestamp: String?
    var sign: String?
    var msgType = "text"
    var content: Content

    enum CodingKeys: String, CodingKey {
      case timestamp, sign, content
      case msgType = "msg_type"
    }
  }
}
