import Foundation
import Messages
import Testing

@testable import Delivery

/// Planned visits written to a steward's own WeCom calendar (`wecom-calendar`, oa/schedule/add) against the
/// loopback emulator: the entry's times and person, the application's token refreshed when WeCom calls it
/// stale, and nothing but planned visits taken or routed there.
@Suite struct CalendarChannelTests {
  let now = Date(timeIntervalSince1970: 1_780_000_000)
  static let lina = Recipient(person: "S1", wecom: "lina")
  /// 2026-06-02 17:30 to 19:30 in Shanghai.
  static let visit = PlannedVisitNotice(
    task: "t-1", sequence: 0, start: 1_780_392_600, end: 1_780_399_800, allDay: false,
    summary: "入户访谈 1栋 101", location: "翠湖花园 1栋 101", details: "户号 H1\n任务 t-1")

  func channel(_ emulator: AppEmulator) -> any DeliveryChannel {
    let app = WeComApp(
      baseURL: emulator.baseURL, corpID: "ww1", agentID: 1_000_003, secret: Secret("cal-secret"),
      markdown: false)
    return AppChannel(
      name: "wecal", vendor: WeComCalendar(app: app), transport: SharedTransport.http, timeout: 5)
  }

  func rendered(_ visit: PlannedVisitNotice? = Self.visit, key: String = "wecal:t-1:0") -> RenderedMessage {
    RenderedMessage(
      title: visit?.summary ?? "李娜，今日回访提醒", body: "", key: key, recipient: Self.lina, plannedVisit: visit)
  }

  @Test func aPlannedVisitBecomesAnEntryInThePersonsCalendarAtItsHours() async throws {
    let emulator = try await AppEmulator.start(.weCom)
    #expect(await channel(emulator).send(rendered(), now: now) == .delivered)
    let send = try #require(emulator.sends.first)
    #expect(send.uri.hasPrefix("/cgi-bin/oa/schedule/add?access_token=tok-1"))
    let body = try #require(try JSONSerialization.jsonObject(with: send.body) as? [String: Any])
    #expect(body["agentid"] as? Int == 1_000_003)
    let schedule = try #require(body["schedule"] as? [String: Any])
    #expect((schedule["start_time"] as? NSNumber)?.int64Value == Self.visit.start)
    #expect((schedule["end_time"] as? NSNumber)?.int64Value == Self.visit.end)
    #expect(schedule["is_whole_day"] as? Int == 0)
    #expect(schedule["organizer"] as? String == "lina")
    #expect((schedule["attendees"] as? [[String: Any]])?.compactMap { $0["userid"] as? String } == ["lina"])
    #expect(schedule["summary"] as? String == "入户访谈 1栋 101")
    try await emulator.stop()
  }

  @Test func aStaleTokenIsRefreshedAndTheEntrySentOnceMore() async throws {
    let emulator = try await AppEmulator.start(.weCom)
    let channel = channel(emulator)
    #expect(await channel.send(rendered(), now: now) == .delivered)
    emulator.expireToken()
    #expect(await channel.send(rendered(key: "wecal:t-2:0"), now: now) == .delivered)
    #expect(emulator.tokensIssued == 2)
    #expect(emulator.sends.count == 3, "the refused entry, then the same entry with the new token")
    #expect(emulator.sends.last?.uri.hasPrefix("/cgi-bin/oa/schedule/add?access_token=tok-2") == true)
    try await emulator.stop()
  }

  @Test func aMessageThatIsNoPlannedVisitIsNotWrittenToACalendar() async throws {
    let emulator = try await AppEmulator.start(.weCom)
    guard case .permanent = await channel(emulator).send(rendered(nil), now: now) else {
      Issue.record("a digest must not become a calendar entry")
      return
    }
    #expect(emulator.server.requests.isEmpty)
    try await emulator.stop()
  }

  @Test func plannedVisitsGoToTheCalendarReceiverOnlyAndNothingElseDoes() throws {
    var config = DeliveryConfig.console
    config.receivers["app"] = ReceiverConfig(
      name: "app",
      kind: .weComApp(
        baseURL: "http://127.0.0.1:1", corpID: "ww1", agentID: 1, secret: Secret("s-1"), markdown: false),
      fallback: "wecal")
    config.receivers["wecal"] = ReceiverConfig(
      name: "wecal",
      kind: .weComCalendar(baseURL: "http://127.0.0.1:1", corpID: "ww1", agentID: 2, secret: Secret("s-2")))
    config.routes = [Route(project: "*", audiences: [.steward], receiver: "app")]
    #expect(config.writesCalendars)
    let planned = OutboxMessage(
      audience: .steward, project: "P1", content: .plannedVisit(Self.visit), recipient: Self.lina,
      personal: true)
    #expect(config.destination(for: planned) == .success("wecal"))
    let digest = OutboxMessage(
      audience: .steward, project: "P1", content: .stewardDigest(Fixtures.digest),
      recipient: Recipient(person: "S2"))
    guard case .failure = config.destination(for: digest) else {
      Issue.record("a digest must not fall back to a calendar")
      return
    }
    var without = config
    without.receivers["wecal"] = nil
    without.receivers["app"]?.fallback = nil
    guard case .failure = without.destination(for: planned) else {
      Issue.record("without a calendar receiver a planned visit goes nowhere")
      return
    }
  }

  @Test func theReceiverIsReadFromTheFileWithItsSecretInAFile() throws {
    let folder = try Fixtures.temporaryDirectory()
    try Fixtures.write("cal-secret", to: "\(folder)/wecal-secret")
    let path = "\(folder)/visitd.toml"
    try Fixtures.write(
      """
      [receiver.wecal]
      type = "wecom-calendar"
      corp_id = "ww1"
      agent_id = 1000003
      secret = { file = "\(folder)/wecal-secret" }
      """, to: path)
    let config = try DeliveryConfigLoader(environment: [:]).load(path: path)
    #expect(
      config.receivers["wecal"]?.kind
        == .weComCalendar(
          baseURL: "https://qyapi.weixin.qq.com", corpID: "ww1", agentID: 1_000_003,
          secret: Secret("cal-secret")))
  }
}
