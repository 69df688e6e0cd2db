import Crypto
import Foundation
import Store

/// Signing people in to the web app: a one-time link exchanged for a session, and the session's checks.
public enum WebSignIn {
  /// How long a sign-in link works: long enough to open it from a message between buildings.
  public static let linkLifetime: TimeInterval = 24 * 3600
  /// How long a session lasts without signing in again.
  public static let sessionLifetime: TimeInterval = 30 * 86_400

  /// Issues a one-time sign-in link secret for `principal` at `clock`.
  public static func issueLink(for principal: Principal, store: any AccessStore, clock: Date) throws -> (
    secret: String, record: TokenRecord
  ) {
    try AccessTokens.issue(principal, kind: .signInLink, lifetime: linkLifetime, store: store, clock: clock)
  }

  /// Uses up the link `secret` and opens a session for its principal; nil when the link is unknown, used,
  /// revoked or expired.
  public static func redeem(link secret: String, store: any AccessStore, clock: Date) throws -> (
    secret: String, record: TokenRecord
  )? {
    guard
      let link = try AccessTokens.authenticate(secret: secret, kind: .signInLink, store: store, clock: clock),
      try store.revokeToken(id: link.id, at: clock)
    else { return nil }
    return try AccessTokens.issue(
      link.principal, kind: .session, lifetime: sessionLifetime, store: store, clock: clock)
  }

  /// The session the cookie `secret` opens at `clock`; nil when it is unknown, signed out or expired.
  public static func session(_ secret: String, store: any AccessStore, clock: Date) throws -> TokenRecord? {
    try AccessTokens.authenticate(secret: secret, kind: .session, store: store, clock: clock)
  }

  /// Ends the session the cookie `secret` opens (nothing when there is none).
  public static func signOut(_ secret: String, store: any AccessStore, clock: Date) throws {
    guard let session = try session(secret, store: store, clock: clock) else { return }
    _ = try store.revokeToken(id: session.id, at: clock)
  }

  /// The form token that proves a form was served to the holder of session `secret` (hex SHA-256).
  public static func formToken(session secret: String) -> String {
    SHA256.hash(data: Data(("visitd-form:" + secret).utf8)).map { String(format: "%02x", $0) }.joined()
  }
}
