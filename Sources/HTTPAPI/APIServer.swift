import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOExtras
import NIOPosix
import ServiceLifecycle

/// Where the API listens.
public enum ListenAddress: Sendable, Equatable, CustomStringConvertible {
  /// A socket systemd passed (`visitd.socket`).
  case socket(CInt)
  /// A host and port to bind (`--listen 127.0.0.1:8740`).
  case hostPort(host: String, port: Int)

  /// `HOST:PORT` (`[::1]:8740` for an IPv6 host), or nil when it is not one.
  public init?(parsing text: String) {
    guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
      (0...65535).contains(port)
    else { return nil }
    var host = String(text[..<colon])
    if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty else { return nil }
    self = .hostPort(host: host, port: port)
  }

  /// `fd 3` or `HOST:PORT`.
  public var description: String {
    switch self {
    case .socket(let descriptor): "socket-activated fd \(descriptor)"
    case .hostPort(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
  }
}

/// The HTTP API as a service of the daemon: serves until graceful shutdown, then lets requests in flight finish.
///
/// It does not use Hummingbird's `Application`, whose date cache wakes the process every second: an idle daemon
/// makes no system call, so the Date header is formatted per response instead.
public struct APIServer: Service {
  private let address: ListenAddress
  private let startup: APIStartup
  private let logger: Logger
  private let bound: (@Sendable (ListenAddress) -> Void)?

  /// A server on `address` for `environment`; `bound` is told the address once it listens (the port the system
  /// chose for port 0).
  public init(
    address: ListenAddress, environment: APIEnvironment, bound: (@Sendable (ListenAddress) -> Void)? = nil
  ) throws {
    let startup = APIStartup()
    try startup.open(environment)
    self.init(address: address, startup: startup, logger: environment.logger, bound: bound)
  }

  /// A server on `address` that answers 503 until `startup` is opened.
  public init(
    address: ListenAddress, startup: APIStartup, logger: Logger,
    bound: (@Sendable (ListenAddress) -> Void)? = nil
  ) {
    self.address = address
    self.startup = startup
    self.logger = logger
    self.bound = bound
  }

  /// Listens and serves until graceful shutdown.
  public func run() async throws {
    let logger = self.logger
    let startup = self.startup
    let http = HTTP1Channel(
      responder: { request, writer, channel in
        let context = BasicRequestContext(source: .init(channel: channel, logger: logger))
        var response = try await startup.respond(to: request, context: context)
        response.headers[.date] = HTTPDate.now()
        try await writer.write(response: response.head, body: response.body)
      },
      configuration: .init(idleTimeout: .seconds(30)))
    let group = MultiThreadedEventLoopGroup.singleton
    let quiescing = ServerQuiescingHelper(group: group)
    let bootstrap = ServerBootstrap(group: group)
      .serverChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(quiescing.makeServerChannelHandler(channel: channel))
        }
      }
      .serverChannelOption(.backlog, value: 256)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelOption(.allowRemoteHalfClosure, value: true)
    let server: NIOAsyncChannel<HTTP1Channel.Value, Never>
    switch address {
    case .socket(let descriptor):
      server = try await bootstrap.bind(descriptor) { http.setup(channel: $0, logger: logger) }
    case .hostPort(let host, let port):
      server = try await bootstrap.bind(host: host, port: port) { http.setup(channel: $0, logger: logger) }
    }
    let local = server.channel.localAddress
    let listening =
      local.flatMap { address in
        address.port.map { ListenAddress.hostPort(host: address.ipAddress ?? "", port: $0) }
      }
      ?? address
    logger.info("API listening", metadata: ["address": "\(listening)"])
    bound?(listening)
    try await withGracefulShutdownHandler {
      try await withThrowingDiscardingTaskGroup { group in
        try await server.executeThenClose { inbound in
          for try await connection in inbound {
            group.addTask { await http.handle(value: connection, logger: logger) }
          }
        }
      }
    } onGracefulShutdown: {
      // Stop accepting; connections close once their request in flight is answered.
      quiescing.initiateShutdown(promise: nil)
    }
  }
}

/// The Date header's value (RFC 9110's IMF-fixdate), formatted when a response is sent.
enum HTTPDate {
  private static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `Sun, 06 Nov 1994 08:49:37 GMT` for now.
  static func now() -> String { format(time(nil)) }

  /// `Sun, 06 Nov 1994 08:49:37 GMT` for `seconds` since 1970.
  static func format(_ seconds: time_t) -> String {
    var moment = seconds
    var parts = tm()
    gmtime_r(&moment, &parts)
    func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return
      "\(weekdays[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
  }
}
