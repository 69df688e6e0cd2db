import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// Callers that push too hard or too slowly: the daemon answers each with a 2xx or the right 4xx, keeps serving
/// others, and its memory stays bounded. Each test has a daemon of its own, so that its load does not turn other
/// suites' requests away.
@Suite(.serialized)
struct HostileAPITests {
  /// A client that opens as many connections as it has requests (the harness's own keeps a few).
  private static func crowd() -> HTTPClient {
    var configuration = HTTPClient.Configuration()
    configuration.connectionPool = .init(
      idleTimeout: .seconds(5), concurrentHTTP1ConnectionsPerHostSoftLimit: 1000)
    return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
  }

  /// A started daemon (its first connection starts it) and an operations token.
  private static func started() async throws -> (APIDaemon, String) {
    let daemon = try APIDaemon()
    let contract = try await daemon.request(.GET, "/openapi.yaml")
    #expect(contract.status == 200, "\(daemon.log)")
    return (daemon, try await daemon.token(["--operations"]))
  }

  /// Sends `count` requests at once, every tenth a POST of a ~256 KB body that is not a visit; returns how many
  /// got each status, failures to connect or read counted under their description.
  private static func burst(_ daemon: APIDaemon, token: String, count: Int, client: HTTPClient) async
    -> [String: Int]
  {
    let junk = Data("{\"household\":\"\(String(repeating: "x", count: 256 << 10))\"}".utf8)
    return await withTaskGroup(of: String.self) { group in
      for number in 0..<count {
        group.addTask {
          var request = HTTPClientRequest(url: "http://127.0.0.1:\(daemon.port)/api/v1/tasks?limit=200")
          request.headers.add(name: "Authorization", value: "Bearer \(token)")
          if number % 10 == 0 {
            request = HTTPClientRequest(url: "http://127.0.0.1:\(daemon.port)/api/v1/visits")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(token)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: junk))
          }
          do {
            let response = try await client.execute(request, timeout: .seconds(120))
            _ = try await response.body.collect(upTo: 64 << 20)
            return "\(response.status.code)"
          } catch {
            return "\(error)"
          }
        }
      }
      var counts: [String: Int] = [:]
      for await outcome in group { counts[outcome, default: 0] += 1 }
      return counts
    }
  }

  /// The daemon's resident memory in KiB (VmRSS).
  private static func residentKiB(_ daemon: APIDaemon) throws -> Int {
    let pid = try #require(daemon.pid)
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") })
    return try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
  }

  @Test("1,000 concurrent requests each get a 2xx, a 422 or a 429, none a 5xx, and the daemon keeps serving")
  func thousandAtOnce() async throws {
    let (daemon, token) = try await Self.started()
    let client = Self.crowd()
    let counts = await Self.burst(daemon, token: token, count: 1000, client: client)
    let expected: Set<String> = ["200", "422", "429"]
    #expect(counts.keys.allSatisfy { expected.contains($0) }, "\(counts)")
    #expect((counts["200"] ?? 0) > 0, "\(counts)")
    #expect(try await daemon.request(.GET, "/api/v1/me", token: token).status == 200, "still serving")
    #expect(!daemon.log.contains("request failed"), "\(daemon.log)")
    try await client.shutdown()
  }

  @Test("a client sending its headers a byte at a time holds up no one and is cut off by the idle timeout")
  func slowloris() async throws {
    let (daemon, token) = try await Self.started()
    let slow = try SlowClient(port: daemon.port)
    let connected = ContinuousClock.now
    // Headers that never end: the request line, then one endless header value.
    let trickle = Array("GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
    var sent = 0
    while slow.send(sent < trickle.count ? trickle[sent] : UInt8(ascii: "a")) {
      sent += 1
      let started = ContinuousClock.now
      #expect(try await daemon.request(.GET, "/api/v1/me", token: token).status == 200)
      #expect(ContinuousClock.now - started < .seconds(5), "another client waited behind the slow one")
      // The slow client's pace; the loop ends when the server closes the connection.
      try await Task.sleep(for: .milliseconds(200))
      try #require(ContinuousClock.now - connected < .seconds(90), "the slow client was never cut off")
    }
    let lasted = ContinuousClock.now - connected
    // HTTP1Channel's idleTimeout (30 s) counts from the last complete request part: bytes of headers that never
    // end do not reset it.
    #expect(lasted >= .seconds(25) && lasted < .seconds(60), "cut off after \(lasted)")
    #expect(sent > trickle.count, "cut off before its headers were sent: \(sent) bytes in \(lasted)")
    #expect(try await daemon.request(.GET, "/api/v1/me", token: token).status == 200, "still serving")
  }

  @Test("the daemon's memory stays bounded under repeated bursts of 1,000 requests with large bodies")
  func memoryStaysBounded() async throws {
    let (daemon, token) = try await Self.started()
    let client = Self.crowd()
    // The first burst grows the pools and caches to their working size; later ones must not keep growing.
    _ = await Self.burst(daemon, token: token, count: 1000, client: client)
    let warm = try Self.residentKiB(daemon)
    for _ in 0..<3 {
      let counts = await Self.burst(daemon, token: token, count: 1000, client: client)
      #expect(counts.keys.allSatisfy { ["200", "422", "429"].contains($0) }, "\(counts)")
    }
    let after = try Self.residentKiB(daemon)
    #expect(after - warm < 64 << 10, "VmRSS grew from \(warm) KiB to \(after) KiB")
    #expect(after < 768 << 10, "VmRSS \(after) KiB after the bursts")
    #expect(try await daemon.request(.GET, "/api/v1/me", token: token).status == 200, "still serving")
    try await client.shutdown()
  }
}
