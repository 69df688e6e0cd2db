import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization
import TestSupport

/// A `visitd` with demo facts, serving its API on a loopback socket that `systemd-socket-activate` (systemd's
/// own tool) binds and passes to it on the first connection, as `visitd.socket` does.
final class APIDaemon: @unchecked Sendable {
  let folder: String
  private(set) var port = 0
  let notify = NotifyListener()
  private var child: Child?
  /// Arguments `visitd` gets beyond the database, rules and demo.
  private var extraArguments: [String] = []
  /// Whether the daemon gets `NOTIFY_SOCKET` (then the test must read `notify`: sd_notify blocks on a full
  /// socket, as it would on a systemd that stopped reading).
  private let notifying: Bool
  /// Redirects are not followed: a test sees each answer as sent (the web app's 303s and their cookies).
  let client = HTTPClient(
    eventLoopGroupProvider: .singleton,
    configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

  /// Starts the socket (not yet the daemon: the first request starts it); `arguments` makes the daemon's further
  /// arguments, given the daemon's folder (to write a configuration into).
  init(notifying: Bool = false, arguments: (_ folder: String) throws -> [String] = { _ in [] }) throws {
    self.notifying = notifying
    folder = try BuiltProducts.temporaryFolder()
    try FileManager.default.copyItem(atPath: Self.shippedRules, toPath: "\(folder)/rules")
    extraArguments = try arguments(folder)
    try launch()
  }

  /// Listens on a new port for a daemon on the same database (after `kill9`).
  func launch() throws {
    port = try Self.freePort()
    var variables = ProcessInfo.processInfo.environment
    variables["NOTIFY_SOCKET"] = notify.path
    variables.removeValue(forKey: "JOURNAL_STREAM")
    LiveDaemons.watch()
    let passed = notifying ? ["-E", "NOTIFY_SOCKET"] : []
    child = try Child.start(
      "/usr/bin/systemd-socket-activate",
      ["-l", "127.0.0.1:\(port)"] + passed + [
        BuiltProducts.path(of: "visitd"), "--db", database, "--rules", "\(folder)/rules", "--demo-if-empty",
      ] + extraArguments, environment: variables, log: "\(folder)/visitd.log")
    if let child { LiveDaemons.pids.withLock { _ = $0.insert(child.pid) } }
  }

  deinit {
    stop()
    try? client.syncShutdown()
    try? FileManager.default.removeItem(atPath: folder)
  }

  static var shippedRules: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rules").path
  }

  var database: String { "\(folder)/visitd.sqlite" }

  /// What the daemon has logged.
  var log: String { (try? String(contentsOfFile: "\(folder)/visitd.log", encoding: .utf8)) ?? "" }

  /// The daemon's process id (systemd-socket-activate execs visitd in its own process).
  var pid: pid_t? { child?.pid }

  /// Kills the daemon at once (SIGKILL), as a crash or an OOM kill would, and waits until it is gone.
  func kill9() { stop() }

  private func stop() {
    guard let child else { return }
    child.kill()
    LiveDaemons.pids.withLock { _ = $0.remove(child.pid) }
  }

  /// A response: status, headers and body.
  struct Answer: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: Data

    /// The body as JSON.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    /// The body as text.
    var text: String { String(decoding: body, as: UTF8.self) }
  }

  /// Sends a request; `body` is sent as given (JSON unless `contentType` says otherwise).
  func request(
    _ method: HTTPMethod, _ path: String, token: String? = nil, body: Data? = nil,
    contentType: String = "application/json", headers extra: [(String, String)] = [], timeout: Int64 = 90
  ) async throws -> Answer {
    var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
    request.method = method
    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
    if let body {
      request.headers.add(name: "Content-Type", value: contentType)
      request.body = .bytes(ByteBuffer(bytes: body))
    }
    for (name, value) in extra { request.headers.add(name: name, value: value) }
    let response = try await client.execute(request, timeout: .seconds(timeout))
    let buffer = try await response.body.collect(upTo: 64 << 20)
    return Answer(
      status: Int(response.status.code), headers: response.headers, body: Data(buffer.readableBytesView))
  }

  /// POSTs `object` as JSON.
  func post(_ path: String, token: String?, json object: Any, headers: [(String, String)] = []) async throws
    -> Answer
  {
    try await request(
      .POST, path, token: token, body: try JSONSerialization.data(withJSONObject: object), headers: headers)
  }

  /// Runs `visitctl` on the daemon's database; returns stdout, throwing with stderr when it fails.
  @discardableResult
  func visitctl(_ arguments: [String]) async throws -> String {
    let folder = self.folder
    let database = self.database
    return try await offPool {
      let run = try ToolRun.run(
        BuiltProducts.path(of: "visitctl"), arguments + ["--db", database], in: folder)
      guard run.status == 0 else {
        throw VisitctlFailed(arguments: arguments, message: String(decoding: run.errors, as: UTF8.self))
      }
      return String(decoding: run.output, as: UTF8.self)
    }
  }

  /// A token issued with `visitctl token issue` and these role arguments.
  func token(_ role: [String]) async throws -> String {
    try await visitctl(["token", "issue"] + role).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  private static func freePort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
      }
    }
    guard bound else { throw VisitctlFailed(arguments: ["bind"], message: "no free port") }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

/// `visitctl` exited with an error.
struct VisitctlFailed: Error, CustomStringConvertible {
  let arguments: [String]
  let message: String
  var description: String { "visitctl \(arguments.joined(separator: " ")): \(message)" }
}

/// The daemons still running: a suite's static daemon is never deinitialized, so they are stopped when the test
/// process exits, not left running.
enum LiveDaemons {
  /// Their process ids.
  static let pids = Mutex<Set<pid_t>>([])

  private static let hook: Void = {
    atexit {
      LiveDaemons.pids.withLock { pids in for pid in pids { kill(pid, SIGTERM) } }
    }
  }()

  /// Makes sure the daemons are stopped at exit.
  static func watch() { _ = hook }
}
