import Foundation
import Hummingbird
import Operations
import Store

/// Requires a valid bearer token (never a calendar secret) on every `/api/` request and makes its caller known to the operations.
struct BearerAuthentication<Context: RequestContext>: RouterMiddleware {
  /// Where tokens are looked up.
  let environment: APIEnvironment

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
    guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
      throw Problem.unauthenticated
    }
    let secret = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
    guard !secret.isEmpty, secret.utf8.count <= 256 else { throw Problem.unauthenticated }
    let store = environment.store
    let now = environment.clock()
    let token = try await environment.blocking {
      try AccessTokens.authenticate(secret: secret, store: store, clock: now)
    }
    // A calendar secret travels in URLs: it reads its feed and is never a bearer token.
    guard let token, !token.principal.isCalendar else { throw Problem.unauthenticated }
    return try await Caller.$current.withValue(Caller(token: token)) {
      try await next(request, context)
    }
  }

}
