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
    try await execute(url: url, headers: headers, body: body, timeout: timeout)
  }

  /// GETs `url`.
  public func get(url: String, headers: [(String, String)], timeout: TimeInterval) async throws -> HTTPReply {
    try await execute(url: url, headers: headers, body: nil, timeout: timeout)
  }

  /// POSTs `body`, or GETs when it is nil.
  private func execute(url: String, headers: [(String, String)], body: Data?, timeout: TimeInterval)
    async throws -> HTTPReply
  {
    var request = HTTPClientRequest(url: url)
    request.method = body == nil ? .GET : .POST
    for (name, value) in headers { request.headers.add(name: name, value: value) }
    if let body { request.body = .bytes(Array(body)) }
    let started = ContinuousClock.now
    let limit = Duration.milliseconds(Int64(timeout * 1000))
    let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
    let buffer = try await response.body.collect(upTo: 1 << 20)
    // The client's deadline races the answer on a busy event loop; an answer later than the timeout is
    // treated as the timeout it is, whichever won the race.
    guard ContinuousClock.now - started <= limit else { throw HTTPTimeout(seconds: timeout) }
    return HTTPReply(status: Int(response.status.code), body: Data(buffer.readableBytesView))
  }

  /// Closes the connections.
  public func shutdown() async throws {
    try await client.shutdown()
  }
}

/// No complete answer came within the timeout.
public struct HTTPTimeout: Error, CustomStringConvertible {
  /// The timeout, in seconds.
  public let seconds: TimeInterval

  /// `no answer within N s`.
  public var description: String { "no answer within \(seconds) s" }
}
