import Delivery
import Foundation
import Messages
import Store
import StoreSQLite
import Testing

/// Who a message reaches: a person-addressed receiver when the person has an id on it, else its fallback; a
/// personal message (a sign-in link) never a group; a vendor that refuses the server tells the admin once.
@Suite struct PersonRoutingTests {
  static let lina = Recipient(person: "S1", wecom: "lina", email: "lina@example.com")
  static let noIds = Recipient(person: "S2")

  func config() -> DeliveryConfig {
    var config = DeliveryConfig.console
    config.receivers["group"] = ReceiverConfig(
      name: "group", kind: .weCom(baseURL: "http://127.0.0.1:1", key: Secret("wk-1"), markdown: false))
    config.receivers["app"] = ReceiverConfig(
      name: "app",
      kind: .weComApp(
        baseURL: "http://127.0.0.1:1", corpID: "ww1", agentID: 1, secret: Secret("s-1"), markdown: false),
      fallback: "mail")
    config.receivers["mail"] = ReceiverConfig(
      name: "mail", kind: .mail(sendmail: "/usr/sbin/sendmail", from: "v@x", to: []), fallback: "group")
    config.routes = [Route(project: "*", audiences: [.steward, .projectLead], receiver: "app")]
    return config
  }

  func message(_ recipient: Recipient?, personal: Bool = false) -> OutboxMessage {
    OutboxMessage(
      audience: .steward, project: "P1", content: .stewardDigest(Fixtures.digest), recipient: recipient,
      personal: personal)
  }

  @Test func aPersonWithAnIdGetsTheApplicationMessage() {
    #expect(config().destination(for: message(Self.lina)) == .success("app"))
  }

  @Test func withoutAnIdTheFallbacksAreFollowedToAGroup() {
    #expect(config().destination(for: message(Self.noIds)) == .success("group"))
    #expect(
      config().destination(for: message(Recipient(person: "S3", email: "s3@example.com"))) == .success("mail")
    )
  }

  @Test func aPersonalMessageNeverReachesAGroup() throws {
    let result = config().destination(for: message(Self.noIds, personal: true))
    guard case .failure(let error) = result else {
      Issue.record("a sign-in link went to \(result)")
      return
    }
    #expect(error.message.contains("S2"))
    #expect(error.message.contains("group"))
  }

  @Test func withoutAFallbackTheErrorNamesTheMissingColumn() throws {
    var config = config()
    config.receivers["app"]?.fallback = nil
    guard case .failure(let error) = config.destination(for: message(Self.noIds)) else {
      Issue.record("expected no destination")
      return
    }
    #expect(error.message == "S2 has no wecom in stewards.csv for receiver app and no fallback reaches them")
  }

  @Test func theConfigurationReadsApplicationReceiversAndChecksFallbacks() throws {
    let directory = try Fixtures.temporaryDirectory()
    let path = directory + "/visitd.toml"
    try Fixtures.write(
      """
      [receiver.app]
      type = "wecom-app"
      corp_id = "ww0123"
      agent_id = 1000002
      secret = { file = "\(directory)/app-secret" }
      fallback = "robot"

      [receiver.ding]
      type = "dingtalk-app"
      app_key = "dingkey"
      app_secret = { file = "\(directory)/ding-secret" }
      agent_id = 7
      format = "markdown"

      [receiver.fs]
      type = "feishu-app"
      app_id = "cli_1"
      app_secret = { file = "\(directory)/app-secret" }

      [receiver.robot]
      type = "wecom"
      key = { file = "\(directory)/app-secret" }
      """, to: path)
    try Fixtures.write("corp-secret-value\n", to: directory + "/app-secret")
    try Fixtures.write("dingsecret", to: directory + "/ding-secret")
    let config = try DeliveryConfigLoader(environment: [:]).load(path: path)
    #expect(
      config.receivers["app"]
        == ReceiverConfig(
          name: "app",
          kind: .weComApp(
            baseURL: "https://qyapi.weixin.qq.com", corpID: "ww0123", agentID: 1_000_002,
            secret: Secret("corp-secret-value"), markdown: false),
          fallback: "robot"))
    #expect(
      config.receivers["ding"]?.kind
        == .dingTalkApp(
          baseURL: "https://oapi.dingtalk.com", appKey: "dingkey", appSecret: Secret("dingsecret"),
          agentID: 7,
          markdown: true))
    #expect(config.secrets.contains(Secret("corp-secret-value")))

    for (table, expected) in [
      (
        "type = \"wecom-app\"\ncorp_id = \"w\"\nsecret = { file = \"\(directory)/app-secret\" }",
        "agent_id: is required"
      ),
      (
        "type = \"wecom-app\"\ncorp_id = \"w\"\nagent_id = 1\nsecret = { file = \"\(directory)/app-secret\" }\nfallback = \"nowhere\"",
        "no [receiver.nowhere] is configured"
      ),
      (
        "type = \"mail\"\nfallback = \"x\"\n[receiver.x]\ntype = \"mail\"\nfallback = \"x2\"\n[receiver.x2]\n"
          + "type = \"mail\"\nfallback = \"x\"", "must not go round"
      ),
    ] {
      try Fixtures.write("[receiver.bad]\n" + table, to: path)
      let error = #expect(throws: DeliveryError.self) {
        try DeliveryConfigLoader(environment: [:]).load(path: path)
      }
      #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
    }
  }

  @Test func aRefusedReceiverKillsItsRowsAndTellsTheAdminOnceADay() async throws {
    let emulator = try await AppEmulator.start(.weCom)
    emulator.failSends(Array(repeating: 60020, count: 3))
    let store = try Fixtures.store()
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    var config = DeliveryConfig.console
    config.receivers["app"] = ReceiverConfig(
      name: "app",
      kind: .weComApp(
        baseURL: emulator.baseURL, corpID: "ww1", agentID: 1, secret: Secret("s-1234"), markdown: false))
    config.routes = [Route(project: "*", audiences: [.steward], receiver: "app")]
    config.timeout = 30
    try store.enqueue(
      try (1...3).map { try message(Self.lina).entry(key: "digest:S\($0):2026-11-14", notBefore: start) })
    let worker = try OutboxWorker(
      store: store, config: config, transport: SharedTransport.http, logger: LogCapture().logger,
      clock: { start })
    let pass = await worker.deliverDue(now: start)
    #expect(pass.dead == 3)
    let rows = try store.outboxRows(state: nil, limit: 100)
    let notices = rows.filter { $0.key.hasPrefix("dead-letter:") }
    #expect(notices.map(\.key) == ["dead-letter:refused:app:2023-11-15"])
    #expect(notices.first?.payload.contains("企业可信IP") == true)
    #expect(notices.first?.state == .delivered, "the admin's route, the console, took it")
    try await emulator.stop()
  }
}
