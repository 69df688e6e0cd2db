import Hummingbird
import Metrics
import Prometheus
import Store

/// `/metrics`: every figure in Prometheus text, the outbox counted when scraped (an idle daemon counts nothing).
enum MetricsPage {
  /// The page, after reading the outbox's rows per state.
  static func render(_ registry: PrometheusCollectorRegistry, environment: APIEnvironment) async throws
    -> Response
  {
    let store = environment.store
    let counts = try await environment.blocking { try store.outboxCounts() }
    for state in OutboxState.allCases {
      Gauge(label: "visitd_outbox_rows", dimensions: [("state", state.rawValue)]).record(counts[state] ?? 0)
    }
    return Response(
      status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
  }
}
