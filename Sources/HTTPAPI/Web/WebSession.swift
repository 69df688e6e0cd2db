import Foundation
import HTTPTypes
import Hummingbird
import Operations
import Store

/// A signed-in person as a request shows them: their session and the form token their forms carry.
struct WebVisitor: Sendable {
  /// The cookie that carries the session's secret.
  static let cookieName = "visitd_session"

  /// The session.
  let session: TokenRecord
  /// The session's secret (the cookie's value).
  let secret: String

  /// Whom the session speaks for.
  var principal: Principal { session.principal }

  /// The token every form of this session carries (and every post must show).
  var formToken: String { WebSignIn.formToken(session: secret) }

  /// Whether `posted` is this session's form token.
  func owns(form posted: String?) -> Bool {
    guard let posted else { return false }
    return posted.utf8.elementsEqual(formToken.utf8)
  }

  /// The visitor of `request`; nil when it carries no session that is open at `clock`.
  static func of(_ request: Request, environment: APIEnvironment) async throws -> WebVisitor? {
    guard let secret = request.cookies[cookieName]?.value, !secret.isEmpty, secret.utf8.count <= 256 else {
      return nil
    }
    let store = environment.store
    let clock = environment.clock()
    let session = try await environment.blocking { try WebSignIn.session(secret, store: store, clock: clock) }
    return session.map { WebVisitor(session: $0, secret: secret) }
  }

  /// The cookie that opens session `secret`: HttpOnly, SameSite=Lax, Secure behind TLS, for the app's paths.
  static func cookie(_ secret: String, secure: Bool) -> Cookie {
    Cookie(
      name: cookieName, value: secret, maxAge: Int(WebSignIn.sessionLifetime), path: "/app", secure: secure,
      httpOnly: true, sameSite: .lax)
  }

  /// The cookie that ends the session in the browser.
  static func clearedCookie(secure: Bool) -> Cookie {
    Cookie(
      name: cookieName, value: "", maxAge: 0, path: "/app", secure: secure, httpOnly: true, sameSite: .lax)
  }

  /// Whether `request` came over TLS (directly, or through a proxy that says so).
  static func isSecure(_ request: Request) -> Bool {
    request.uri.scheme == .https || request.headers[.forwardedProto]?.lowercased() == "https"
  }
}

extension HTTPField.Name {
  fileprivate static let forwardedProto = Self("X-Forwarded-Proto")!
}
