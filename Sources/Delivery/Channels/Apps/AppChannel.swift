import Foundation
import Messages

/// A message to one person through a vendor's application API: the cached access token, one resend with a
/// fresh token when the vendor rejects it, and the vendor's verdict as the outcome.
struct AppChannel<Vendor: AppVendor>: DeliveryChannel {
  /// The receiver's name.
  let name: String
  let vendor: Vendor
  let transport: any HTTPTransport
  let timeout: TimeInterval
  let tokens = AccessTokenCache()

  /// Sends `message` to its recipient's id on this vendor; a message without one is permanent (routing sends
  /// such messages to the receiver's fallback instead).
  func send(_ message: RenderedMessage, now: Date) async -> DeliveryOutcome {
    guard let recipient = message.recipient, let userID = vendor.userID(of: recipient) else {
      return .permanent(reason: "\(vendor.vendor): the message has no \(vendor.vendor) user id to send to")
    }
    if let reason = vendor.unsendable(message) { return .permanent(reason: reason) }
    var verdict = await attempt(message, to: userID, now: now)
    if case .tokenRejected = verdict {
      verdict = await attempt(message, to: userID, now: now)
    }
    return Self.outcome(verdict)
  }

  private func attempt(_ message: RenderedMessage, to userID: String, now: Date) async -> AppVerdict {
    let token: String
    switch await tokens.token(now: now, fetch: fetchToken) {
    case .success(let value): token = value
    case .failure(let failure): return failure.verdict
    }
    let verdict = await perform(vendor.sendRequest(message, to: userID, token: token), vendor.verdict)
    if case .tokenRejected = verdict { await tokens.reject(token) }
    return verdict
  }

  @Sendable private func fetchToken() async -> Result<(token: String, lifetime: TimeInterval), AppFailure> {
    let request = vendor.tokenRequest()
    do {
      return vendor.token(from: try await execute(request))
    } catch {
      return .failure(
        AppFailure(verdict: .retry(after: nil, reason: "\(vendor.vendor) token request failed: \(error)")))
    }
  }

  private func perform(_ request: AppRequest, _ verdict: (HTTPReply) -> AppVerdict) async -> AppVerdict {
    do {
      return verdict(try await execute(request))
    } catch {
      return .retry(after: nil, reason: "\(vendor.vendor) request failed: \(error)")
    }
  }

  private func execute(_ request: AppRequest) async throws -> HTTPReply {
    if let body = request.body {
      return try await transport.post(
        url: request.url, headers: request.headers, body: body, timeout: timeout)
    }
    return try await transport.get(url: request.url, headers: request.headers, timeout: timeout)
  }

  static func outcome(_ verdict: AppVerdict) -> DeliveryOutcome {
    switch verdict {
    case .accepted: .delivered
    case .tokenRejected(let reason): .retry(after: nil, reason: reason + " (twice, with a fresh token)")
    case .refused(let reason, let advice): .refused(reason: reason, advice: advice)
    case .retry(let after, let reason): .retry(after: after, reason: reason)
    case .permanent(let reason): .permanent(reason: reason)
    }
  }
}
