import Foundation

/// An HTTP answer: status and body.
public struct HTTPReply: Sendable, Hashable {
  /// The status code.
  public var status: Int
  /// The body bytes.
  public var body: Data

  /// A reply.
  public init(status: Int, body: Data) {
    self.status = status
    self.body = body
  }
}

/// Sends requests; throws on timeouts and broken connections.
public protocol HTTPTransport: Sendable {
  /// POSTs `body` to `url` with `headers`, giving up after `timeout` seconds.
  func post(url: String, headers: [(String, String)], body: Data, timeout: TimeInterval) async throws
    -> HTTPReply

  /// GETs `url` with `headers` (an access token), giving up after `timeout` seconds.
  func get(url: String, headers: [(String, String)], timeout: TimeInterval) async throws -> HTTPReply
}
