import Delivery
import Foundation
import Store
import StoreSQLite
import Testing

@Suite struct OutboxWorkerTests {
  let start = Date(timeIntervalSince1970: 1_700_000_000)

  func config(_ server: LoopbackServer, retry: RetryPolicy = RetryPolicy(), rateLimits: Bool = false)
    -> DeliveryConfig
  {
    var config = DeliveryConfig.console
    config.receivers["wecom"] = ReceiverConfig(
      name: "wecom", kind: .weCom(baseURL: server.baseURL, key: Secret("wk-secret-key"), markdown: false))
    config.routes = [Route(project: "*", audiences: [.steward, .projectLead], receiver: "wecom")]
    config.retry = retry
    config.rateLimits = rateLimits
    config.timeout = 30  // these tests are not about timeouts; a loaded 2-CPU machine can stall a request
    return config
  }

  func worker(
    _ store: SQLiteStore, _ config: DeliveryConfig, clock: TestClock, logs: LogCapture = LogCapture()
  )
    throws -> OutboxWorker
  {
    try OutboxWorker(
      store: store, config: config, transport: SharedTransport.http, logger: logs.logger,
      clock: clock.closure,
      random: { 0.5 })
  }

  func enqueue(_ store: SQLiteStore, count: Int, at: Date, urgent: Bool = false) throws {
    try store.enqueue(
      (0..<count).map {
        try Fixtures.message(urgent: urgent).entry(key: "digest:S\($0):2026-11-26", notBefore: at)
      })
  }

  @Test func deliversDueRowsOnce() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0}"#)
    let store = try Fixtures.store()
    let clock = TestClock(start)
    try enqueue(store, count: 3, at: start)
    try store.enqueue([try Fixtures.message().entry(key: "later", notBefore: start.addingTimeInterval(60))])
    let worker = try worker(store, config(server), clock: clock)
    let pass = await worker.deliverDue(now: start)
    #expect(pass.delivered == 3)
    #expect(server.requests.count == 3)
    #expect(
      server.requests.allSatisfy { $0.text.contains("138****5678") && !$0.text.contains("13812345678") })
    #expect(worker.nextAttempt() == start.addingTimeInterval(60))
    #expect(await worker.deliverDue(now: start).claimed == 0)
    try await server.stop()
  }

  @Test func aPassPastItsDeadlineClaimsNoFurtherBatchAndTheNextPassDeliversTheRest() async throws {
    let clock = TestClock(start)
    // Each answer moves the clock a second on.
    let server = try await LoopbackServer.start { _ in
      clock.advance(1)
      return .reply(status: 200, body: #"{"errcode":0}"#)
    }
    let store = try Fixtures.store()
    try enqueue(store, count: 6, at: start)
    let worker = try OutboxWorker(
      store: store, config: config(server), transport: SharedTransport.http, logger: LogCapture().logger,
      batchSize: 2, clock: clock.closure, random: { 0.5 })
    let first = await worker.deliverDue(now: start, until: start.addingTimeInterval(1))
    #expect(first.delivered == 2, "one batch, then the deadline had passed")
    #expect(worker.nextAttempt() == start, "the rest is still due")
    #expect(await worker.deliverDue(now: clock.now).delivered == 4)
    try await server.stop()
  }

  @Test func retriesWithBackoffThenDeadLettersAndTellsTheAdmin() async throws {
    let server = try await LoopbackServer.answering(status: 503, "busy")
    let store = try Fixtures.store()
    let clock = TestClock(start)
    try enqueue(store, count: 1, at: start)
    let logs = LogCapture()
    let policy = RetryPolicy(first: 30, maxDelay: 600, maxAge: 100, jitter: 0.2)
    let worker = try worker(store, config(server, retry: policy), clock: clock, logs: logs)
    #expect(await worker.deliverDue(now: start).retried == 1)
    #expect(worker.nextAttempt() == start.addingTimeInterval(30))
    clock.advance(30)
    #expect(await worker.deliverDue(now: clock.now).retried == 1)
    #expect(worker.nextAttempt() == start.addingTimeInterval(90))  // 30 + 60
    clock.advance(60)
    let last = await worker.deliverDue(now: clock.now)  // 90 + 120 > max age 100
    #expect(last.dead == 1)
    #expect(last.delivered == 1)  // the dead-letter notice, on the console (admin has no route)
    let dead = try #require(try store.outboxRows(state: .dead, limit: 1).first)
    #expect(dead.attempts == 3)
    #expect(dead.lastError?.contains("gave up after 3 attempts: HTTP 503") == true)
    #expect(try store.outboxRows(state: .delivered, limit: 1).first?.key == "dead-letter:\(dead.id)")
    #expect(logs.all.contains { $0.contains("【投递失败】消息 #\(dead.id)") && $0.contains("尝试次数：3") })
    #expect(!logs.all.contains { $0.contains("wk-secret-key") })
    try await server.stop()
  }

  @Test func permanentFailuresDieAtOnce() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":93000,"errmsg":"invalid webhook url"}"#)
    let store = try Fixtures.store()
    try enqueue(store, count: 1, at: start)
    let pass = try await worker(store, config(server), clock: TestClock(start)).deliverDue(now: start)
    #expect(pass.dead == 1)
    #expect(
      try store.outboxRows(state: .dead, limit: 1).first?.lastError
        == "WeCom errcode 93000: invalid webhook url")
    try await server.stop()
  }

  @Test func aRowInFlightAtACrashIsResentOnceAndLogged() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0}"#)
    let store = try Fixtures.store()
    try enqueue(store, count: 2, at: start)
    let claimed = try store.claimDue(now: start, limit: 1, lease: 120).rows[0].row
    try store.markSending([claimed.id], now: start, lease: 120)  // then the process is killed
    let logs = LogCapture()
    let clock = TestClock(start)
    let worker = try worker(store, config(server), clock: clock, logs: logs)
    #expect(await worker.deliverDue(now: start).delivered == 1)  // the other row; this one is leased
    clock.advance(121)
    let pass = await worker.deliverDue(now: clock.now)
    #expect(pass.possibleDuplicates == 1)
    #expect(pass.delivered == 1)
    #expect(logs.all.contains { $0.contains("possible duplicate: resending outbox #\(claimed.id)") })
    #expect(try store.outboxCounts() == [.delivered: 2])
    try await server.stop()
  }

  @Test func quietHoursHoldBackAllButUrgentMessages() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0}"#)
    let store = try Fixtures.store()
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    let night = Date(timeIntervalSince1970: 1_764_166_800)  // 2025-11-26 22:20 +08:00
    try enqueue(store, count: 1, at: night)
    try store.enqueue([try Fixtures.message(urgent: true).entry(key: "urgent", notBefore: night)])
    var settings = config(server)
    settings.quietHours = QuietHours("21:00-08:00", zone: shanghai)
    let pass = try await worker(store, settings, clock: TestClock(night)).deliverDue(now: night)
    #expect(pass.delivered == 1)
    #expect(pass.deferred == 1)
    let held = try #require(try store.outboxRows(state: .pending, limit: 1).first)
    #expect(held.nextAttempt == Date(timeIntervalSince1970: 1_764_201_600))  // 08:00 the next morning
    try await server.stop()
  }

  @Test func rateBudgetsSpaceTheRest() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0}"#)
    let store = try Fixtures.store()
    try enqueue(store, count: 22, at: start)
    let pass = try await worker(store, config(server, rateLimits: true), clock: TestClock(start)).deliverDue(
      now: start)
    #expect(pass.delivered == 20)
    #expect(pass.deferred == 2)
    let waiting = try store.outboxRows(state: .pending, limit: 5).compactMap(\.nextAttempt).sorted()
    #expect(waiting == [start.addingTimeInterval(60), start.addingTimeInterval(60)])
    try await server.stop()
  }
}

/// A transport whose every request fails with an error quoting the URL (secrets and all).
struct LeakyTransport: HTTPTransport {
  func post(url: String, headers: [(String, String)], body: Data, timeout: TimeInterval) async throws
    -> HTTPReply
  {
    throw DeliveryError("cannot connect to \(url)")
  }

  func get(url: String, headers: [(String, String)], timeout: TimeInterval) async throws -> HTTPReply {
    throw DeliveryError("cannot connect to \(url)")
  }
}

@Suite struct RedactionTests {
  @Test func secretsInFailingURLsNeverReachLogsOrTheDatabase() async throws {
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    let store = try Fixtures.store()
    try store.enqueue([try Fixtures.message().entry(key: "k", notBefore: start)])
    var config = DeliveryConfig.console
    config.receivers["ding"] = ReceiverConfig(
      name: "ding",
      kind: .dingTalk(
        baseURL: "http://127.0.0.1:9", token: Secret("dt-token-abc"), secret: Secret("SECxyz+/="),
        markdown: false))
    config.routes = [Route(project: "*", audiences: [.steward], receiver: "ding")]
    let logs = LogCapture()
    let worker = try OutboxWorker(
      store: store, config: config, transport: LeakyTransport(), logger: logs.logger, clock: { start })
    #expect(await worker.deliverDue(now: start).retried == 1)
    let error = try #require(try store.outboxRows(state: .pending, limit: 1).first?.lastError)
    #expect(error.contains("access_token=***&timestamp=1700000000000&sign=***"))
    for text in logs.all + [error] {
      #expect(!text.contains("dt-token-abc"))
      #expect(!text.contains("SECxyz"))
    }
  }
}

@Suite struct ExampleConfigTests {
  @Test func theShippedExampleParses() throws {
    let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("etc/visitd.toml.example")
    let directory = try Fixtures.temporaryDirectory()
    for name in [
      "wecom-ops-key", "dingtalk-leads-token", "dingtalk-leads-secret", "feishu-stewards-token", "crm-hmac",
      "feishu-stewards-secret",
    ] {
      try Fixtures.write("secret-\(name)", to: directory + "/" + name)
    }
    let text = try String(contentsOf: example, encoding: .utf8)
      .replacingOccurrences(of: "/etc/visitd/secrets/", with: directory + "/")
    try Fixtures.write(text, to: directory + "/visitd.toml")
    let config = try DeliveryConfigLoader(environment: ["CREDENTIALS_DIRECTORY": directory]).load(
      path: directory + "/visitd.toml")
    #expect(config.receivers.count == 7)
    #expect(config.receiver(project: "DONGYUAN", audience: .projectLead) == "ops-wecom")
    #expect(config.receiver(project: "XIYUAN", audience: .projectLead) == "leads-dingtalk")
    #expect(config.receiver(project: nil, audience: .operations) == "ops-mail")
  }
}
