import Hummingbird
import Synchronization

/// Keeps a request from costing more than its share: at most `maxInFlight` requests served at once (429 beyond,
/// with Retry-After), and bodies of at most `maxBody` bytes (413), JSON only (415).
struct RequestLimits<Context: RequestContext>: RouterMiddleware {
  /// Requests served at once beyond which a request is turned away.
  let maxInFlight: Int
  /// The largest body accepted, in bytes.
  let maxBody: Int
  /// Requests being served now.
  let inFlight: InFlightCounter

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
    async throws -> Response
  {
    guard inFlight.enter(limit: maxInFlight) else {
      var problem = Problem(
        .tooManyRequests, "Too many requests", detail: "the server is busy; retry shortly")
      problem.headers[.retryAfter] = "1"
      throw problem
    }
    defer { inFlight.leave() }
    var request = request
    if request.method == .post || request.method == .put || request.method == .patch {
      if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxBody {
        throw Problem.tooLarge(maxBody)
      }
      let type = request.headers[.contentType]?.lowercased() ?? ""
      // The web app's pages post HTML forms; the API takes JSON.
      let expected =
        request.uri.path.hasPrefix("/app/") ? "application/x-www-form-urlencoded" : "application/json"
      guard type.hasPrefix(expected) else {
        throw Problem(
          .unsupportedMediaType, "Unsupported media type",
          detail: "send the body as \(expected) (got '\(type.isEmpty ? "none" : type)')")
      }
      // A body without a length (chunked) is read up to the limit, no further.
      _ = try await request.collectBody(upTo: maxBody)
    }
    return try await next(request, context)
  }
}

/// A count of the requests being served, shared by every connection.
final class InFlightCounter: Sendable {
  private let count = Atomic<Int>(0)

  /// A counter at zero.
  init() {}

  /// Counts one more request unless `limit` are in flight already.
  func enter(limit: Int) -> Bool {
    let now = count.wrappingAdd(1, ordering: .relaxed).newValue
    if now > limit {
      count.wrappingSubtract(1, ordering: .relaxed)
      return false
    }
    return true
  }

  /// Counts a request done.
  func leave() { count.wrappingSubtract(1, ordering: .relaxed) }
}
