import Crypto
import Foundation
import Hummingbird
import ICalendar
import Operations
import Store

/// `GET /calendar/SECRET.ics`: a steward's calendar feed, outside `/api/` and without a bearer header (calendar
/// apps send none): the secret in the path, issued with `visitctl token issue --calendar`, is the credential.
enum CalendarFeedRoute {
  /// The path prefix of the feeds.
  static let prefix = "/calendar/"

  /// Adds the route to `router`.
  static func add(to router: Router<BasicRequestContext>, environment: APIEnvironment) {
    router.get("/calendar/:file") { request, context in
      try await serve(request, file: context.parameters.get("file") ?? "", environment: environment)
    }
  }

  /// The feed the secret in `file` (`SECRET.ics`) opens; 404 for an unknown, revoked or expired secret and
  /// for a bearer token's, 304 when `If-None-Match` names the feed's current ETag.
  static func serve(_ request: Request, file: String, environment: APIEnvironment) async throws -> Response {
    let missing = Problem.notFound("no such calendar")
    guard file.hasSuffix(".ics") else { throw missing }
    let secret = String(file.dropLast(".ics".count))
    guard !secret.isEmpty, secret.utf8.count <= 256 else { throw missing }
    let rules = try environment.requireRules()
    let store = environment.store
    let now = environment.clock()
    let body = try await environment.blocking { () -> [UInt8]? in
      guard let token = try AccessTokens.authenticate(secret: secret, store: store, clock: now),
        case .calendar(let steward) = token.principal
      else { return nil }
      return try StewardCalendar.feed(store: store, rules: rules, steward: steward, clock: now).render()
    }
    guard let body else { throw missing }
    let etag =
      "\"" + SHA256.hash(data: body).prefix(16).map { String($0, radix: 16).leftPadded(2) }.joined() + "\""
    var headers: HTTPFields = [.eTag: etag, .cacheControl: "private, no-cache"]
    if let asked = request.headers[.ifNoneMatch], matches(asked, etag: etag) {
      return Response(status: .notModified, headers: headers)
    }
    headers[.contentType] = "text/calendar; charset=utf-8"
    return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }

  /// Whether an `If-None-Match` value names `etag` (weakly compared, RFC 9110 §13.1.2), or is `*`.
  static func matches(_ header: String, etag: String) -> Bool {
    header.split(separator: ",").contains { item in
      let tag = item.trimmingCharacters(in: .whitespaces)
      return tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
    }
  }

  /// `path` fit for a log: a feed's secret replaced by `…`.
  static func loggable(_ path: String) -> String {
    path.hasPrefix(prefix) ? prefix + "…" : path
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
