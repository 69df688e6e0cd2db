import Foundation

/// One application's access token, shared by every send through its receiver: fetched once when missing or
/// about to expire (concurrent sends wait for the same fetch), dropped when the vendor rejects it.
actor AccessTokenCache {
  private var current: (token: String, expires: Date)?
  private var pending: Task<Result<(token: String, lifetime: TimeInterval), AppFailure>, Never>?

  /// Tokens are renewed this long before the vendor says they expire, so none is used at its last second.
  static let margin: TimeInterval = 300

  /// The cached token, or one `fetch` gets (a single fetch for every caller waiting at once).
  func token(
    now: Date,
    fetch: @escaping @Sendable () async -> Result<(token: String, lifetime: TimeInterval), AppFailure>
  ) async -> Result<String, AppFailure> {
    if let current, now < current.expires { return .success(current.token) }
    let task = pending ?? Task { await fetch() }
    pending = task
    let result = await task.value
    if pending == task { pending = nil }
    switch result {
    case .success(let fetched):
      let lifetime = max(fetched.lifetime - Self.margin, fetched.lifetime / 2)
      current = (fetched.token, now.addingTimeInterval(lifetime))
      return .success(fetched.token)
    case .failure(let failure):
      return .failure(failure)
    }
  }

  /// Forgets `token` (the vendor rejected it), unless a newer one replaced it meanwhile.
  func reject(_ token: String) {
    if current?.token == token { current = nil }
  }
}
