import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A request the loopback server received.
struct RecordedRequest: Sendable {
  var method: String
  var uri: String
  var headers: [String: String]
  var body: Data

  var text: String { String(decoding: body, as: UTF8.self) }
}

/// How the loopback server answers one request.
enum ServerAnswer: Sendable {
  case reply(status: Int, body: String, delay: TimeInterval = 0)
  case drop
}

/// An HTTP server on 127.0.0.1 (port 0) that behaves like a vendor; records what it receives.
final class LoopbackServer: Sendable {
  let port: Int
  private let channel: any Channel
  private let log: RequestLog

  private let connections: Connections

  private init(channel: any Channel, log: RequestLog, connections: Connections) {
    self.channel = channel
    self.log = log
    self.connections = connections
    port = channel.localAddress?.port ?? 0
  }

  /// The base URL (`http://127.0.0.1:PORT`).
  var baseURL: String { "http://127.0.0.1:\(port)" }

  /// Every request received so far.
  var requests: [RecordedRequest] { log.requests }

  /// Starts a server answering each request with `answer`.
  static func start(_ answer: @escaping @Sendable (RecordedRequest) -> ServerAnswer) async throws
    -> LoopbackServer
  {
    let log = RequestLog(answer: answer)
    let connections = Connections()
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        connections.add(channel)
        return channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(VendorHandler(log: log))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    return LoopbackServer(channel: channel, log: log, connections: connections)
  }

  /// A server answering every request with the same JSON.
  static func answering(status: Int = 200, _ body: String) async throws -> LoopbackServer {
    try await start { _ in .reply(status: status, body: body) }
  }

  /// Stops listening and closes the connections it accepted, so that no client keeps one alive into a later
  /// server that happens to get the same port.
  func stop() async throws {
    try await channel.close()
    for connection in connections.all { try? await connection.close() }
  }
}

/// The connections a server accepted.
private final class Connections: Sendable {
  private let list = Mutex<[any Channel]>([])

  func add(_ channel: any Channel) { list.withLock { $0.append(channel) } }

  var all: [any Channel] { list.withLock { $0 } }
}

/// The requests received and the answering rule, shared by the connections.
final class RequestLog: Sendable {
  let answer: @Sendable (RecordedRequest) -> ServerAnswer
  private let received = Mutex<[RecordedRequest]>([])

  init(answer: @escaping @Sendable (RecordedRequest) -> ServerAnswer) { self.answer = answer }

  var requests: [RecordedRequest] { received.withLock { $0 } }

  func record(_ request: RecordedRequest) -> ServerAnswer {
    received.withLock { $0.append(request) }
    return answer(request)
  }
}

private final class VendorHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  let log: RequestLog
  var head: HTTPRequestHead?
  var body = Data()

  init(log: RequestLog) { self.log = log }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let head):
      self.head = head
      body = Data()
    case .body(let buffer):
      body.append(contentsOf: buffer.readableBytesView)
    case .end:
      guard let head else { return }
      var headers: [String: String] = [:]
      for (name, value) in head.headers { headers[name.lowercased()] = value }
      let request = RecordedRequest(method: "\(head.method)", uri: head.uri, headers: headers, body: body)
      answer(log.record(request), context: context)
    }
  }

  private func answer(_ answer: ServerAnswer, context: ChannelHandlerContext) {
    switch answer {
    case .drop:
      context.close(promise: nil)
    case .reply(let status, let body, let delay) where delay > 0:
      let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
      context.eventLoop.scheduleTask(in: .milliseconds(Int64(delay * 1000))) {
        let (handler, context) = loopBound.value
        handler.write(status: status, body: body, context: context)
      }
    case .reply(let status, let body, _):
      write(status: status, body: body, context: context)
    }
  }

  private func write(status: Int, body: String, context: ChannelHandlerContext) {
    var buffer = context.channel.allocator.buffer(capacity: body.utf8.count)
    buffer.writeString(body)
    var headers = HTTPHeaders()
    headers.add(name: "Content-Type", value: "application/json")
    headers.add(name: "Content-Length", value: "\(buffer.readableBytes)")
    let head = HTTPResponseHead(
      version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: headers)
    context.write(wrapOutboundOut(.head(head)), promise: nil)
    context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
    context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
  }
}
