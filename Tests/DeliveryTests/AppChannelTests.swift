import Foundation
import Messages
import Testing

@testable import Delivery

/// Messages to one person through WeCom applications, DingTalk work notifications and Feishu apps, against a
/// loopback emulator of each vendor: one cached token, a refresh when the vendor calls it stale, rate limits
/// retried, an IP the vendor does not allow refused with what the admin must configure.
@Suite struct AppChannelTests {
  let now = Date(timeIntervalSince1970: 1_700_000_000)
  static let person = Recipient(person: "S1", wecom: "lina", dingtalk: "ding-lina", feishu: "fs-lina")

  func channel(_ emulator: AppEmulator, markdown: Bool = false) -> any DeliveryChannel {
    let base = emulator.baseURL
    let transport = SharedTransport.http
    switch emulator.flavour {
    case .weCom:
      return AppChannel(
        name: "wecom-app",
        vendor: WeComApp(
          baseURL: base, corpID: "ww1", agentID: 1_000_002, secret: Secret("corp-secret-1"),
          markdown: markdown),
        transport: transport, timeout: 5)
    case .dingTalk:
      return AppChannel(
        name: "dingtalk-app",
        vendor: DingTalkApp(
          baseURL: base, appKey: "ding-key", appSecret: Secret("ding-secret-1"), agentID: 42,
          markdown: markdown),
        transport: transport, timeout: 5)
    case .feishu:
      return AppChannel(
        name: "feishu-app",
        vendor: FeishuApp(baseURL: base, appID: "cli_1", appSecret: Secret("fs-secret-1")),
        transport: transport, timeout: 5)
    }
  }

  func message(_ body: String = "今日入户 3 户", key: String = "digest:S1:2026-12-04") -> RenderedMessage {
    RenderedMessage(title: "李娜，今日回访提醒", body: body, key: key, recipient: Self.person)
  }

  /// The user id a send went to, read the vendor's way.
  static func addressee(_ request: RecordedRequest, _ flavour: AppEmulator.Flavour) throws -> String {
    let object = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
    switch flavour {
    case .weCom: return try #require(object["touser"] as? String)
    case .dingTalk: return try #require(object["userid_list"] as? String)
    case .feishu: return try #require(object["receive_id"] as? String)
    }
  }

  @Test(arguments: AppEmulator.Flavour.allCases)
  func sendsToThePersonWithOneTokenForManyMessages(flavour: AppEmulator.Flavour) async throws {
    let emulator = try await AppEmulator.start(flavour)
    let channel = channel(emulator)
    for index in 0..<3 {
      #expect(await channel.send(message(key: "k\(index)"), now: now) == .delivered)
    }
    #expect(emulator.tokensIssued == 1)
    #expect(emulator.sends.count == 3)
    let expected = ["weCom": "lina", "dingTalk": "ding-lina", "feishu": "fs-lina"][flavour.rawValue]
    for send in emulator.sends { #expect(try Self.addressee(send, flavour) == expected) }
    #expect(emulator.sends[0].text.contains("今日入户 3 户"))
    try await emulator.stop()
  }

  @Test(arguments: AppEmulator.Flavour.allCases)
  func aStaleTokenIsRefreshedAndTheMessageSentOnceMore(flavour: AppEmulator.Flavour) async throws {
    let emulator = try await AppEmulator.start(flavour)
    let channel = channel(emulator)
    #expect(await channel.send(message(), now: now) == .delivered)
    emulator.expireToken()
    #expect(await channel.send(message(key: "k2"), now: now) == .delivered)
    #expect(emulator.tokensIssued == 2)
    #expect(emulator.sends.count == 3, "the refused send, then the same message with the new token")
    try await emulator.stop()
  }

  @Test(arguments: AppEmulator.Flavour.allCases)
  func concurrentSendsWaitForOneTokenRequest(flavour: AppEmulator.Flavour) async throws {
    let emulator = try await AppEmulator.start(flavour)
    let channel = channel(emulator)
    let outcomes = await withTaskGroup(of: DeliveryOutcome.self) { group in
      for index in 0..<6 { group.addTask { await channel.send(message(key: "k\(index)"), now: now) } }
      return await group.reduce(into: [DeliveryOutcome]()) { $0.append($1) }
    }
    #expect(outcomes == Array(repeating: .delivered, count: 6))
    #expect(emulator.tokensIssued == 1)
    try await emulator.stop()
  }

  @Test(arguments: AppEmulator.Flavour.allCases)
  func anIPNotAllowedIsRefusedWithWhatToConfigure(flavour: AppEmulator.Flavour) async throws {
    let emulator = try await AppEmulator.start(flavour)
    emulator.failSends([flavour.ipCode])
    let outcome = await channel(emulator).send(message(), now: now)
    guard case .refused(let reason, let advice) = outcome else {
      Issue.record("expected refused, got \(outcome)")
      return
    }
    #expect(reason.contains("\(flavour.ipCode)"))
    #expect(advice.contains("IP"))
    try await emulator.stop()
  }

  @Test(arguments: AppEmulator.Flavour.allCases)
  func aRateLimitIsRetriedAfterAMinute(flavour: AppEmulator.Flavour) async throws {
    let emulator = try await AppEmulator.start(flavour)
    emulator.failSends([flavour.rateCode])
    let outcome = await channel(emulator).send(message(), now: now)
    guard case .retry(let after, _) = outcome else {
      Issue.record("expected retry, got \(outcome)")
      return
    }
    #expect(after == 60)
    try await emulator.stop()
  }

  @Test func aWrongSecretIsRefusedAtTheTokenWithoutSending() async throws {
    let emulator = try await AppEmulator.start(.weCom)
    emulator.failTokens([40001])
    let outcome = await channel(emulator).send(message(), now: now)
    guard case .refused(_, let advice) = outcome else {
      Issue.record("expected refused, got \(outcome)")
      return
    }
    #expect(advice.contains("Secret"))
    #expect(emulator.sends.isEmpty)
    try await emulator.stop()
  }

  @Test func aPersonWithoutAnIdOnTheVendorIsNotSent() async throws {
    let emulator = try await AppEmulator.start(.dingTalk)
    var unknown = message()
    unknown.recipient = Recipient(person: "S9", wecom: "only-wecom")
    let outcome = await channel(emulator).send(unknown, now: now)
    #expect(outcome == .permanent(reason: "DingTalk: the message has no DingTalk user id to send to"))
    #expect(emulator.server.requests.isEmpty)
    try await emulator.stop()
  }

  @Test func weComApplicationTextIsCutTo2048BytesOnALineWithTheLink() async throws {
    let emulator = try await AppEmulator.start(.weCom)
    let lines = (1...60).map { "- 3栋\($0)单元 张先生 入户回访 截止 2026-12-31" }.joined(separator: "\n")
    var long = message(lines)
    long.link = "https://visit.example.com/app/today"
    #expect(await channel(emulator).send(long, now: now) == .delivered)
    let sent = try #require(emulator.sends.first)
    let object = try #require(try JSONSerialization.jsonObject(with: sent.body) as? [String: Any])
    let content = try #require((object["text"] as? [String: Any])?["content"] as? String)
    #expect(content.utf8.count <= 2048)
    #expect(content.hasSuffix("详见 https://visit.example.com/app/today"))
    #expect(object["agentid"] as? Int == 1_000_002)
    #expect(object["enable_duplicate_check"] as? Int == 1)
    try await emulator.stop()
  }
}
