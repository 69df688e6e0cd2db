import Delivery
import Foundation
import Messages
import Testing

@Suite struct RobotChannelTests {
  let transport = SharedTransport.http
  let now = Date(timeIntervalSince1970: 1_700_000_000)

  func weCom(_ server: LoopbackServer, markdown: Bool = false, timeout: TimeInterval = 5) -> WeComChannel {
    WeComChannel(
      name: "wecom", baseURL: server.baseURL, key: Secret("wk-123456"), markdown: markdown,
      transport: transport, timeout: timeout)
  }

  @Test func weComSendsTextWithMentionsAndReadsErrcode() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0,"errmsg":"ok"}"#)
    let outcome = await weCom(server).send(Fixtures.rendered(), now: now)
    #expect(outcome == .delivered)
    let request = try #require(server.requests.first)
    #expect(request.uri == "/cgi-bin/webhook/send?key=wk-123456")
    #expect(request.text == #"{"msgtype":"text","text":{"content":"标题\n正文","mentioned_list":["lina"]}}"#)
    try await server.stop()
  }

  @Test func weComMarkdown() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0}"#)
    _ = await weCom(server, markdown: true).send(Fixtures.rendered(), now: now)
    #expect(
      server.requests.first?.text == #"{"markdown":{"content":"**标题**\n正文\n<@lina>"},"msgtype":"markdown"}"#)
    try await server.stop()
  }

  @Test(arguments: [
    (#"{"errcode":45009,"errmsg":"api freq out of limit"}"#, "retry"),
    (#"{"errcode":93000,"errmsg":"invalid webhook url"}"#, "permanent"),
    (#"{"errcode":-1,"errmsg":"system busy"}"#, "retry"),
    ("not json", "retry"),
  ])
  func weComClassifiesTheBodysCode(body: String, expected: String) async throws {
    let server = try await LoopbackServer.answering(body)
    let outcome = await weCom(server).send(Fixtures.rendered(), now: now)
    #expect(Self.kind(outcome) == expected)
    if body.contains("45009") {
      #expect(outcome == .retry(after: 60, reason: "WeCom errcode 45009: api freq out of limit"))
    }
    try await server.stop()
  }

  @Test func weComCutsTextTo2048Bytes() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0}"#)
    let long = RenderedMessage(title: "标题", body: String(repeating: "回访", count: 1000), key: "k")
    _ = await weCom(server).send(long, now: now)
    let body = try #require(server.requests.first?.body)
    let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    let content = try #require((object["text"] as? [String: Any])?["content"] as? String)
    #expect(content.utf8.count <= 2048)
    #expect(content == "标题\n…还有 1 项未列出", "a line too long for the budget is left out whole")
    try await server.stop()
  }

  @Test func serverErrorsSlowAnswersAndDroppedConnectionsAreRetried() async throws {
    let server = try await LoopbackServer.start { request in
      switch request.uri.hasSuffix("key=slow") ? "slow" : request.uri.hasSuffix("key=drop") ? "drop" : "5xx" {
      case "slow": .reply(status: 200, body: #"{"errcode":0}"#, delay: 5)
      case "drop": .drop
      default: .reply(status: 502, body: "bad gateway")
      }
    }
    for key in ["slow", "drop", "5xx"] {
      let channel = WeComChannel(
        name: "w", baseURL: server.baseURL, key: Secret(key), markdown: false, transport: transport,
        timeout: 0.5)
      let outcome = await channel.send(Fixtures.rendered(), now: now)
      #expect(Self.kind(outcome) == "retry", "\(key): \(outcome)")
    }
    try await server.stop()
  }

  @Test func dingTalkSignsTheURLAndMentionsByUserId() async throws {
    let server = try await LoopbackServer.answering(#"{"errcode":0,"errmsg":"ok"}"#)
    let channel = DingTalkChannel(
      name: "ding", baseURL: server.baseURL, token: Secret("dt-token"), secret: Secret("secret"),
      markdown: false, transport: transport, timeout: 5)
    let outcome = await channel.send(Fixtures.rendered(), now: Date(timeIntervalSince1970: 1_700_000_000))
    #expect(outcome == .delivered)
    let request = try #require(server.requests.first)
    #expect(
      request.uri
        == "/robot/send?access_token=dt-token&timestamp=1700000000000&sign=OuzzJR5%2BxZ4%2FEYwqtNt6sMYZQMTa%2FHEGvc9miJe7XzY%3D"
    )
    #expect(request.text == #"{"at":{"atUserIds":["lina"]},"msgtype":"text","text":{"content":"标题\n正文"}}"#)
    try await server.stop()
  }

  @Test func dingTalkCodes() async throws {
    let server = try await LoopbackServer.start { request in
      request.uri.contains("token=busy")
        ? .reply(status: 200, body: #"{"errcode":130101,"errmsg":"send too fast"}"#)
        : .reply(status: 200, body: #"{"errcode":310000,"errmsg":"sign not match"}"#)
    }
    for (token, expected) in [("busy", "retry"), ("bad", "permanent")] {
      let channel = DingTalkChannel(
        name: "d", baseURL: server.baseURL, token: Secret(token), secret: nil, markdown: false,
        transport: transport, timeout: 5)
      let outcome = await channel.send(Fixtures.rendered(), now: now)
      #expect(Self.kind(outcome) == expected)
      if token == "busy" { #expect(Self.wait(outcome) ?? 0 >= 600) }
    }
    try await server.stop()
  }

  @Test func feishuSignsTheBody() async throws {
    let server = try await LoopbackServer.answering(#"{"code":0,"msg":"success"}"#)
    let channel = FeishuChannel(
      name: "fs", baseURL: server.baseURL, token: Secret("fs-token"), secret: Secret("secret"),
      transport: transport, timeout: 5)
    let outcome = await channel.send(Fixtures.rendered(), now: Date(timeIntervalSince1970: 1_700_000_000.9))
    #expect(outcome == .delivered)
    let request = try #require(server.requests.first)
    #expect(request.uri == "/open-apis/bot/v2/hook/fs-token")
    #expect(
      request.text
        == #"{"content":{"text":"标题\n正文<at user_id=\"lina\"></at>"},"msg_type":"text","sign":"fiWS2+gh28DOydAv7hzONH/mDn9+b1Y4Y5ivXWXy8vA=","timestamp":"1700000000"}"#
    )
    try await server.stop()
  }

  @Test func feishuCodes() async throws {
    let server = try await LoopbackServer.start { request in
      request.uri.hasSuffix("flow")
        ? .reply(status: 200, body: #"{"code":11232,"msg":"frequency limited"}"#)
        : .reply(status: 200, body: #"{"code":19021,"msg":"sign match fail"}"#)
    }
    for (token, expected) in [("flow", "retry"), ("sign", "permanent")] {
      let channel = FeishuChannel(
        name: "f", baseURL: server.baseURL, token: Secret(token), secret: nil, transport: transport,
        timeout: 5)
      #expect(Self.kind(await channel.send(Fixtures.rendered(), now: now)) == expected)
    }
    try await server.stop()
  }

  static func kind(_ outcome: DeliveryOutcome) -> String {
    switch outcome {
    case .delivered: "delivered"
    case .retry: "retry"
    case .permanent: "permanent"
    case .refused: "refused"
    }
  }

  static func wait(_ outcome: DeliveryOutcome) -> TimeInterval? {
    if case .retry(let after, _) = outcome { return after }
    return nil
  }
}
