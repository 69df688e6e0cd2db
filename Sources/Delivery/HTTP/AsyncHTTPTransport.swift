import AsyncHTTPClient
import Foundation

/// The HTTP transport of the daemon: one shared AsyncHTTPClient; call `shutdown()` when done.
public final class AsyncHTTPTransport: HTTPTransport {
  private let client: HTTPClient

  /// A client on the shared event loop group, following no redirects.
  public init() {
    var configuration = HTTPClient.Configuration()
    configuration.redirectConfiguration = .disallow
    configuration.connectionPool = .init(
      idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 16)
    client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  /// POSTs `body` to `url`.
  public func post(url: String, headers: [(String, String)], body: Data, timeout: TimeInterval) async throws
    -> HTTPReply
  {
    var request = HTTPClientRequest(url: url)
    request.method = .POST
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    request.body = .bytes(Array(body))
    let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
    let buffer = try await response.body.collect(upTo: 1 << 20)
    return HTTPReply(status: Int(response.status.code), body: Data(buffer.readableBytesView))
  }

  /// Closes the connections.
  public func shutdown() async throws {
    try await client.shutdown()
  }
}
