import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

/// The routes: the contract at `/openapi.yaml`, its operations under `/api/v1`, each behind the limits and the
/// token check, the stewards' calendar feeds at `/calendar/SECRET.ics`, every failure a problem document; and the
/// web app's pages under `/app`.
enum APIRouter {
  /// Bodies larger than this are refused (413): a visit with all its remarks is a few kilobytes.
  static let maxBody = 1 << 20
  /// Requests served at once beyond which more are turned away (429).
  static let maxInFlight = 256

  /// The router for `environment`.
  static func make(_ environment: APIEnvironment) throws -> Router<BasicRequestContext> {
    let router = Router(context: BasicRequestContext.self)
    // Outermost, so that it sees every answer as sent, problems included.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware(logger: environment.logger))
    router.add(
      middleware: RequestLimits(maxInFlight: maxInFlight, maxBody: maxBody, inFlight: InFlightCounter()))
    router.add(middleware: BearerAuthentication(environment: environment))
    router.get("/openapi.yaml") { _, _ in
      Response(
        status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: PackageResources.openapi_yaml)))
    }
    CalendarFeedRoute.add(to: router, environment: environment)
    if let registry = environment.metrics {
      router.get("/metrics") { _, _ in try await MetricsPage.render(registry, environment: environment) }
    }
    try APIHandlers(environment: environment).registerHandlers(
      on: router, serverURL: try Servers.Server1.url(),
      middlewares: [TicketSignature(secret: environment.ticketSecret, maxBody: maxBody)])
    WebRoutes(environment: environment, pages: environment.pages).register(on: router)
    return router
  }
}
