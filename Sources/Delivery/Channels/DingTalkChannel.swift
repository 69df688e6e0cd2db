import Foundation
import Messages

/// A DingTalk (钉钉) custom robot: `POST {base}/robot/send?access_token=T&timestamp=MS&sign=S`.
public struct DingTalkChannel: DeliveryChannel {
  /// The receiver's name.
  public let name: String
  let baseURL: String
  let token: Secret
  let secret: Secret?
  let markdown: Bool
  let transport: any HTTPTransport
  let timeout: TimeInterval

  /// A robot at `baseURL` (default `https://oapi.dingtalk.com`), signed when `secret` is set.
  public init(
    name: String, baseURL: String, token: Secret, secret: Secret?, markdown: Bool,
    transport: any HTTPTransport, timeout: TimeInterval
  ) {
    self.name = name
    self.baseURL = baseURL
    self.token = token
    self.secret = secret
    self.markdown = markdown
    self.transport = transport
    self.timeout = timeout
  }

  /// Posts the message; `errcode` 0 delivered, 130101 wait 10 minutes, 310000 permanent.
  public func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    do {
      let reply = try await transport.post(
        url: url(now: now), headers: [("Content-Type", "application/json")], body: body(message),
        timeout: timeout)
      return Self.classify(reply)
    } catch {
      return VendorReply.failure(error)
    }
  }

  /// The URL with the token and, when signing, the millisecond timestamp and signature.
  func url(now: Date) -> String {
    var url = baseURL + "/robot/send?access_token=" + RobotSignature.percentEncoded(token.value)
    if let secret {
      let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded(.down))
      url += "&timestamp=\(milliseconds)&sign="
      url += RobotSignature.dingTalk(timestampMilliseconds: milliseconds, secret: secret.value)
    }
    return url
  }

  /// The request body: text or markdown, stewards mentioned by user id, within DingTalk's 20,000 bytes.
  func body(_ message: RenderedMessage) -> Data {
    let at = At(atUserIds: message.mentions)
    if markdown {
      let mentions = message.mentions.map { " @\($0)" }.joined()
      let encode = { (body: String) in
        JSONBody.encode(
          MarkdownBody(
            markdown: .init(title: message.title, text: "### \(message.title)\n" + body + mentions), at: at))
      }
      return encode(fitted(message.body, link: message.link) { encode($0).count })
    }
    let encode = { (text: String) in JSONBody.encode(TextBody(text: .init(content: text), at: at)) }
    return encode(fitted(message.text, link: message.link) { encode($0).count })
  }

  private func fitted(_ text: String, link: String?, size: (String) -> Int) -> String {
    TextLimit.fitted(text, limit: VendorLimits.dingTalkBody, link: link, size: size)
  }

  static func classify(_ reply: HTTPReply) -> DeliveryOutcome {
    if let failure = VendorReply.status(reply.status) { return failure }
    let code = VendorReply.code(reply.body, keys: ["errcode"])
    let reason = "DingTalk errcode \(code.map(String.init) ?? "missing"): \(VendorReply.message(reply.body))"
    switch code {
    case 0: return .delivered
    case 130_101: return .retry(after: 600, reason: reason)
    case -1, nil: return .retry(after: nil, reason: reason)
    default: return .permanent(reason: reason)
    }
  }

  private struct At: Encodable { var atUserIds: [String] }

  private struct TextBody: Encodable {
    struct Text: Encodable { var content: String }
    var msgtype = "text"
    var text: Text
    var at: At
  }

  private struct MarkdownBody: Encodable {
    struct Markdown: Encodable {
      var title: String
      var text: String
    }
    var msgtype = "markdown"
    var markdown: Markdown
    var at: At
  }
}
