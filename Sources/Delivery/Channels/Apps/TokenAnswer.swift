import Foundation

/// Reads a token answer: the token and its lifetime, or the vendor's code as a verdict.
enum TokenAnswer {
  static func read(
    _ reply: HTTPReply, vendor: some AppVendor, tokenKey: String, lifetimeKey: String,
    keys: [String] = ["errcode"], verdict: (Int?, String) -> AppVerdict
  ) -> Result<(token: String, lifetime: TimeInterval), AppFailure> {
    if let status = vendor.statusVerdict(reply) { return .failure(AppFailure(verdict: status)) }
    let (code, reason) = vendor.reason(reply, keys: keys)
    if code == 0,
      let object = try? JSONSerialization.jsonObject(with: reply.body) as? [String: Any],
      let token = object[tokenKey] as? String, !token.isEmpty
    {
      let lifetime = (object[lifetimeKey] as? NSNumber)?.doubleValue ?? 7200
      return .success((token, lifetime))
    }
    let answer = verdict(code, "token: " + reason)
    if case .accepted = answer {
      return .failure(
        AppFailure(verdict: .retry(after: nil, reason: "\(vendor.vendor) token answer has no \(tokenKey)")))
    }
    if case .tokenRejected(let why) = answer {
      return .failure(AppFailure(verdict: .retry(after: nil, reason: why)))
    }
    return .failure(AppFailure(verdict: answer))
  }
}
