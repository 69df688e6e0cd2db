import Foundation
import Messages

/// The company's own system: JSON with an `Idempotency-Key` header and an HMAC-SHA256 body signature.
public struct WebhookChannel: DeliveryChannel {
  /// The receiver's name.
  public let name: String
  let url: String
  let secret: Secret?
  let signatureHeader: String
  let transport: any HTTPTransport
  let timeout: TimeInterval

  /// A webhook at `url`, signing the body under `signatureHeader` when `secret` is set.
  public init(
    name: String, url: String, secret: Secret?, signatureHeader: String, transport: any HTTPTransport,
    timeout: TimeInterval
  ) {
    self.name = name
    self.url = url
    self.secret = secret
    self.signatureHeader = signatureHeader
    self.transport = transport
    self.timeout = timeout
  }

  /// Posts the message; 2xx (and 409, already received) delivered, 5xx/429 retry, other 4xx permanent.
  public func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    let body = body(message)
    var headers = [("Content-Type", "application/json"), ("Idempotency-Key", message.key)]
    if let secret {
      headers.append((signatureHeader, RobotSignature.webhook(body: body, secret: secret.value)))
    }
    do {
      let reply = try await transport.post(url: url, headers: headers, body: body, timeout: timeout)
      if reply.status == 409 { return .delivered }
      return VendorReply.status(reply.status) ?? .delivered
    } catch {
      return VendorReply.failure(error)
    }
  }

  /// The request body: key, title, text, mentions and the attachments, if any.
  func body(_ message: RenderedMessage) -> Data {
    JSONBody.encode(
      Body(
        key: message.key, title: message.title, text: message.body, mentions: message.mentions,
        attachments: message.attachments.isEmpty ? nil : message.attachments))
  }

  private struct Body: Encodable {
    var key: String
    var title: String
    var text: String
    var mentions: [String]
    var attachments: [ReportAttachment]?
  }
}
