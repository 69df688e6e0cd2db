import Hummingbird
import Synchronization

/// The API's operations once the daemon has its database; until then every request is answered 503.
///
/// The socket is served from the start (systemd passed it, or `--listen` bound it), so a phone that calls while
/// the database cannot be opened hears "try again later" instead of waiting for a connection.
public final class APIStartup: Sendable {
  private let responder = Mutex<RouterResponder<BasicRequestContext>?>(nil)

  /// An API that answers 503 until `open(_:)`.
  public init() {}

  /// Serves the operations on `environment` from now on.
  public func open(_ environment: APIEnvironment) throws {
    let ready = try APIRouter.make(environment).buildResponder()
    responder.withLock { $0 = ready }
  }

  /// Whether the operations are served.
  public var isOpen: Bool { responder.withLock { $0 != nil } }

  /// The answer to `request`: the operations', or 503 while the database is not open.
  func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
    guard let ready = responder.withLock({ $0 }) else { return Problem.starting.response }
    return try await ready.respond(to: request, context: context)
  }
}

extension Problem {
  /// 503: the daemon has not opened its database yet (it says why in its status and journal).
  static let starting: Problem = {
    var problem = Problem(
      .serviceUnavailable, "Starting", detail: "visitd cannot open its database yet; try again later")
    problem.headers[.retryAfter] = "5"
    return problem
  }()
}
