import Foundation
import Messages

/// An HTTP request an application channel makes: GET when `body` is nil.
struct AppRequest: Sendable {
  var url: String
  var headers: [(String, String)] = []
  var body: Data? = nil
}

/// What a vendor's answer to a token request or a send means.
enum AppVerdict: Sendable, Equatable {
  /// Accepted.
  case accepted
  /// The access token was refused as invalid or expired: fetch a new one and send again.
  case tokenRejected(reason: String)
  /// Refused until an admin changes the vendor's configuration (an IP not allowed, a wrong secret, a missing
  /// permission): every message through this receiver fails the same way, so the admin is told once a day.
  case refused(reason: String, advice: String)
  /// Failed for now (rate limit, system busy); no sooner than `after` seconds when given.
  case retry(after: TimeInterval?, reason: String)
  /// This message will never be taken (an unknown user, a malformed body).
  case permanent(reason: String)
}

/// One vendor's application API (WeCom 应用消息, DingTalk 工作通知, Feishu 应用机器人): how to get an access
/// token, how to send a message to one person, and what the answers mean.
protocol AppVendor: Sendable {
  /// The vendor's name in reasons (`WeCom`).
  var vendor: String { get }
  /// The person's id on this vendor, nil when stewards.csv gives none.
  func userID(of recipient: Recipient) -> String?
  /// The request for a new access token.
  func tokenRequest() -> AppRequest
  /// The token and its lifetime in seconds from the token answer, or why there is none.
  func token(from reply: HTTPReply) -> Result<(token: String, lifetime: TimeInterval), AppFailure>
  /// The request sending `message` to the user `userID` with `token`.
  func sendRequest(_ message: RenderedMessage, to userID: String, token: String) -> AppRequest
  /// What the answer to a send means.
  func verdict(_ reply: HTTPReply) -> AppVerdict
  /// Why this vendor cannot take `message` at all (nil: it can).
  func unsendable(_ message: RenderedMessage) -> String?
}

/// Why a token could not be had: the verdict to act on.
struct AppFailure: Error, Sendable, Equatable {
  let verdict: AppVerdict
}

extension AppVendor {
  /// Every message can be sent (a calendar takes planned visits only).
  func unsendable(_ message: RenderedMessage) -> String? { nil }

  /// The vendor's `errcode`/`code` and message, as a reason.
  func reason(_ reply: HTTPReply, keys: [String] = ["errcode", "code"]) -> (code: Int?, reason: String) {
    let code = VendorReply.code(reply.body, keys: keys)
    return (
      code, "\(vendor) \(keys[0]) \(code.map(String.init) ?? "missing"): \(VendorReply.message(reply.body))"
    )
  }

  /// The verdict of a non-2xx status (nil for 2xx): 429 a rate limit, 5xx retry, others decided by the body.
  func statusVerdict(_ reply: HTTPReply) -> AppVerdict? {
    switch VendorReply.status(reply.status) {
    case nil: nil
    case .retry(_, let reason) where reply.status == 429: .retry(after: 60, reason: "\(vendor) \(reason)")
    case .retry(let after, let reason): .retry(after: after, reason: "\(vendor) \(reason)")
    case .permanent(let reason):
      // 4xx: the vendors put their code in the body (Feishu answers 400 for a bad token); without one it is final.
      VendorReply.code(reply.body, keys: ["errcode", "code"]) == nil
        ? .permanent(reason: "\(vendor) \(reason)") : nil
    case .delivered, .refused: nil
    }
  }
}
