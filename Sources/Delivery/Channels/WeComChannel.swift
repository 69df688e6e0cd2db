import Foundation
import Messages

/// A WeCom (企业微信) group robot: `POST {base}/cgi-bin/webhook/send?key=KEY`.
public struct WeComChannel: DeliveryChannel {
  /// The receiver's name.
  public let name: String
  let baseURL: String
  let key: Secret
  let markdown: Bool
  let transport: any HTTPTransport
  let timeout: TimeInterval

  /// A robot at `baseURL` (default `https://qyapi.weixin.qq.com`), sending text or markdown.
  public init(
    name: String, baseURL: String, key: Secret, markdown: Bool, transport: any HTTPTransport,
    timeout: TimeInterval
  ) {
    self.name = name
    self.baseURL = baseURL
    self.key = key
    self.markdown = markdown
    self.transport = transport
    self.timeout = timeout
  }

  /// Posts the message; `errcode` 0 delivered, 45009 retry in a minute, -1 retry, others permanent.
  public func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    let url = baseURL + "/cgi-bin/webhook/send?key=" + RobotSignature.percentEncoded(key.value)
    do {
      let reply = try await transport.post(
        url: url, headers: [("Content-Type", "application/json")], body: body(message), timeout: timeout)
      return Self.classify(reply)
    } catch {
      return VendorReply.failure(error)
    }
  }

  /// The request body: text (≤ 2,048 bytes, mentions by user id) or markdown (≤ 4,096 bytes).
  func body(_ message: RenderedMessage) -> Data {
    if markdown {
      // The title and the mentions always go; the body's lines fill what is left of the 4,096 bytes.
      let mentions = message.mentions.map { "<@\($0)>" }.joined(separator: " ")
      let title = "**\(message.title)**\n"
      let room = VendorLimits.weComMarkdown - title.utf8.count - 1 - mentions.utf8.count
      let content =
        title + TextLimit.truncated(message.body, bytes: room, link: message.link) + "\n" + mentions
      return JSONBody.encode(MarkdownBody(markdown: .init(content: content)))
    }
    let text = TextBody.Text(
      content: TextLimit.truncated(message.text, bytes: VendorLimits.weComText, link: message.link),
      mentionedList: message.mentions)
    return JSONBody.encode(TextBody(text: text))
  }

  static func classify(_ reply: HTTPReply) -> DeliveryOutcome {
    if let failure = VendorReply.status(reply.status) { return failure }
    let code = VendorReply.code(reply.body, keys: ["errcode"])
    let reason = "WeCom errcode \(code.map(String.init) ?? "missing"): \(VendorReply.message(reply.body))"
    switch code {
    case 0: return .delivered
    case 45009: return .retry(after: 60, reason: reason)
    case -1, nil: return .retry(after: nil, reason: reason)
    default: return .permanent(reason: reason)
    }
  }

  private struct TextBody: Encodable {
    struct Text: Encodable {
      var content: String
      var mentionedList: [String]

      enum CodingKeys: String, CodingKey {
        case content
        case mentionedList = "mentioned_list"
      }
    }
    var msgtype = "text"
    var text: Text
  }

  private struct MarkdownBody: Encodable {
    struct Markdown: Encodable { var content: String }
    var msgtype = "markdown"
    var markdown: Markdown
  }
}
