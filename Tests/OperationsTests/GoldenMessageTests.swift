import CalendarSpec
import Foundation
import Messages
import Planner
import Policy
import Store
import StoreSQLite
import Testing

@testable import Delivery
@testable import Operations

/// A golden demo month: every kind of message the shipped schedules make from the 600-household demo (seed 1) at
/// fixed instants of November 2026, rendered for every channel into `Golden/NAME.txt`, compared byte for byte.
///
/// After a deliberate change: `VISITD_UPDATE_GOLDEN=1 swift test --skip-build --filter GoldenMessageTests`, then
/// review `git diff Tests/OperationsTests/Golden` as the people who get the messages would.
@Suite(.serialized) struct GoldenMessageTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
    "Golden")
  static let webBaseURL = "https://visit.example.com"
  static let updating = ProcessInfo.processInfo.environment["VISITD_UPDATE_GOLDEN"] == "1"

  /// The entries of schedule `id`'s run for the elapse at `at`, run at `now` (the elapse when nil), on the demo
  /// seeded and planned at the run's instant.
  private func run(_ id: String, at: String, now: String? = nil) throws -> [(
    key: String, message: OutboxMessage
  )] {
    let elapse = World.instant(at)
    let clock = now.map(World.instant) ?? elapse
    let store = try SQLiteStore()
    _ = try DemoSeed.seedIfEmpty(store, rules: World.rules, now: clock)
    let current = try CurrentPlan.load(store: store, rules: World.rules, at: clock, refresh: true)
    let schedule = try #require(World.rules.schedules.first { $0.id == id })
    return try ScheduleNotices(rules: World.rules, facts: current.facts, plan: current.plan)
      .entries(for: schedule, at: elapse, now: clock)
      .map { ($0.key, try OutboxMessage.decode($0.payload)) }
  }

  /// The first of `entries` rendered by `template`.
  private func first(_ template: String, of entries: [(key: String, message: OutboxMessage)]) throws -> (
    key: String, message: OutboxMessage
  ) {
    try #require(entries.first { $0.message.content.template == template }, "a \(template) message")
  }

  /// Every golden message: file name, key and message.
  private func messages() throws -> [(name: String, key: String, message: OutboxMessage)] {
    var all: [(String, String, OutboxMessage)] = []
    let digest = try first("steward-digest", of: run("steward-digest", at: "2026-11-26 16:30"))
    all.append(("steward-digest", digest.key, digest.message))
    let late = try first(
      "steward-digest", of: run("steward-digest", at: "2026-11-26 16:30", now: "2026-11-27 07:55"))
    all.append(("steward-digest-late", late.key, late.message))
    let overdue = try run("overdue-escalation", at: "2026-11-27 09:00")
    for template in ["steward-overdue", "lead-overdue", "operations-overdue"] {
      let entry = try first(template, of: overdue)
      all.append((template, entry.key, entry.message))
    }
    let spotCheck = try first("spot-check", of: run("mid-month-spot-check", at: "2026-11-15 09:00"))
    all.append(("spot-check", spotCheck.key, spotCheck.message))
    let summary = try first("monthly-summary", of: run("monthly-summary", at: "2026-11-25 09:00"))
    all.append(("monthly-summary", summary.key, summary.message))
    let sample = try first("verification-sample", of: run("verification-sample", at: "2026-12-01 10:00"))
    all.append(("verification-sample", sample.key, sample.message))
    let ranking = try first("capture-ranking", of: run("capture-rate-ranking", at: "2026-12-01 09:00"))
    all.append(("capture-ranking", ranking.key, ranking.message))
    // What the demo cannot show on a fixed morning: an escalation cleared, a message given up on, and a row of
    // the per-task escalation stored before the digests.
    let cleared = StewardOverdueDigest(steward: "李娜", date: "2026-11-30", visits: [], settled: 3)
    all.append(
      (
        "steward-overdue-cleared", "overdue:steward:S1:2026-11-30",
        OutboxMessage(
          audience: .steward, project: "P1", content: .stewardOverdue(cleared), mentions: ["lina"])
      ))
    let dead = DeadLetterNotice(
      id: 7, key: "digest:S1:2026-11-26", channel: Audience.steward.chineseName, attempts: 9,
      error: "WeCom errcode 93000: invalid webhook url")
    all.append(
      (
        "dead-letter", "dead-letter:7",
        OutboxMessage(audience: .admin, project: nil, content: .deadLetter(dead))
      ))
    let link = SignInLinkNotice(
      name: "李娜", link: Self.webBaseURL + "/app/signin/vd_example-secret", expires: "2026-11-28 09:30")
    all.append(
      (
        "sign-in-link", "signin:lnk-example",
        OutboxMessage(
          audience: .steward, project: "P1", content: .signInLink(link), urgent: true,
          recipient: Recipient(person: "S1", wecom: "lina"), personal: true)
      ))
    let planned = PlannedVisitNotice(
      task: "T1", sequence: 0, start: 1_796_117_400, end: 1_796_124_600, allDay: false,
      summary: "入户访谈 3栋 1单元 1202", location: "东苑 3栋 1单元 1202",
      details: "户号 A-3-1-1202\n规则 年度入户\n期限 2026-12-01 — 2026-12-31\n任务 T1")
    all.append(
      (
        "planned-visit", "wecal:T1:0",
        OutboxMessage(
          audience: .steward, project: "P1", content: .plannedVisit(planned),
          recipient: Recipient(person: "S1", wecom: "lina"), personal: true)
      ))
    let holidays = try #require(
      try HolidayNotices.entry(rules: World.rules, at: World.instant("2026-11-02 09:00")))
    all.append(("holidays-missing", holidays.key, try OutboxMessage.decode(holidays.payload)))
    let legacy = OverdueEscalation(
      project: "东苑", steward: "李娜",
      visit: VisitLine(
        owner: OwnerRef(household: "A-3-1-1202", surname: "张", phone: "13812345678"), rule: "年度入户",
        channel: "入户", due: "2026-11-01"), daysOverdue: 5, step: Audience.projectLead.chineseName)
    all.append(
      (
        "overdue-escalation", "overdue:P1:T1:2026-11-06",
        OutboxMessage(audience: .projectLead, project: "P1", content: .overdueEscalation(legacy))
      ))
    return all
  }

  /// What each channel sends for `message`, as the people reading it see it, with its size against the limit.
  private func channels(_ rendered: RenderedMessage) throws -> String {
    let transport = NoTransport()
    let local = "http://127.0.0.1"
    var text = ""
    func section(_ name: String, _ shown: String, bytes: Int, limit: Int?) {
      text += "\n== \(name)（\(bytes) 字节" + (limit.map { " / 上限 \($0)" } ?? "") + "）==\n" + shown + "\n"
    }
    for markdown in [true, false] {
      let body = WeComChannel(
        name: "w", baseURL: local, key: Secret("k"), markdown: markdown, transport: transport, timeout: 1
      ).body(rendered)
      let shown =
        markdown
        ? try Self.field(body, ["markdown", "content"])
        : try Self.field(body, ["text", "content"])
          + (rendered.mentions.isEmpty ? "" : "\n[@ " + rendered.mentions.joined(separator: ", ") + "]")
      let size =
        markdown ? try Self.field(body, ["markdown", "content"]) : try Self.field(body, ["text", "content"])
      section(
        "企业微信 " + (markdown ? "markdown" : "text"), shown, bytes: size.utf8.count,
        limit: markdown ? VendorLimits.weComMarkdown : VendorLimits.weComText)
    }
    for markdown in [true, false] {
      let body = DingTalkChannel(
        name: "d", baseURL: local, token: Secret("t"), secret: nil, markdown: markdown, transport: transport,
        timeout: 1
      ).body(rendered)
      let shown =
        markdown
        ? try Self.field(body, ["markdown", "text"]) : try Self.field(body, ["text", "content"])
      section(
        "钉钉 " + (markdown ? "markdown" : "text"), shown, bytes: body.count, limit: VendorLimits.dingTalkBody)
    }
    let feishu = FeishuChannel(
      name: "f", baseURL: local, token: Secret("t"), secret: nil, transport: transport, timeout: 1
    ).body(rendered, now: Date(timeIntervalSince1970: 0))
    section(
      "飞书 text", try Self.field(feishu, ["content", "text"]), bytes: feishu.count,
      limit: VendorLimits.feishuBody)
    let app =
      WeComApp(baseURL: local, corpID: "ww", agentID: 1, secret: Secret("s"), markdown: false)
      .sendRequest(rendered, to: "lina", token: "t").body ?? Data()
    let appText = try Self.field(app, ["text", "content"])
    section("企业微信应用 text", appText, bytes: appText.utf8.count, limit: VendorLimits.weComApp)
    let notice =
      DingTalkApp(
        baseURL: local, appKey: "k", appSecret: Secret("s"), agentID: 1, markdown: false
      ).sendRequest(rendered, to: "lina", token: "t").body ?? Data()
    let noticeText = try Self.field(notice, ["msg", "text", "content"])
    section(
      "钉钉工作通知 text", noticeText, bytes: noticeText.utf8.count, limit: VendorLimits.dingTalkWorkNotice)
    let feishuApp =
      FeishuApp(baseURL: local, appID: "a", appSecret: Secret("s"))
      .sendRequest(rendered, to: "lina", token: "t").body ?? Data()
    let feishuContent = Data(try Self.field(feishuApp, ["content"]).utf8)
    section(
      "飞书应用 text", try Self.field(feishuContent, ["text"]), bytes: feishuApp.count,
      limit: VendorLimits.feishuMessage)
    let mail = MIMEMessage(
      from: "visitd <visitd@example.com>", to: ["operations@example.com"], message: rendered,
      date: World.instant("2026-11-27 09:00")
    ).text
    let headers = mail.components(separatedBy: "\n\n").first ?? ""
    let attached = rendered.attachments.map { file in
      let lines = file.csv.split(separator: "\n")
      return "\n[附件 \(file.filename)：\(lines.count) 行，\(file.csv.utf8.count) 字节]\n"
        + lines.prefix(3).joined(separator: "\n")
    }
    section(
      "邮件", headers + "\n\n" + rendered.text + attached.joined(), bytes: rendered.text.utf8.count, limit: nil)
    let webhook = WebhookChannel(
      name: "h", url: local, secret: nil, signatureHeader: "X-Visitd-Signature", transport: transport,
      timeout: 1
    ).body(rendered)
    section("webhook", String(decoding: webhook, as: UTF8.self), bytes: webhook.count, limit: nil)
    return text
  }

  @Test func everyMessageKindRendersForEveryChannelAsTheGoldenFilesSay() throws {
    let renderer = try MessageRenderer(webBaseURL: Self.webBaseURL)
    let messages = try messages()
    #expect(
      Set(messages.map(\.message.content.template))
        == Set(DefaultTemplates.all.keys), "every template has a golden file")
    if Self.updating {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
    }
    for (name, key, message) in messages {
      let rendered = try renderer.render(message, key: key)
      let golden = "# \(name) · \(key)\n" + (try channels(rendered))
      // Chinese throughout (the admin's messages name commands and files), never an owner's full number.
      let plain = rendered.text.replacingOccurrences(
        of: Self.webBaseURL + "[^\\s，]*", with: "", options: .regularExpression)
      #expect(
        plain.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil || message.audience == .admin,
        "\(name)")
      #expect(
        golden.range(of: "1[3-9][0-9]{9}", options: .regularExpression) == nil, "\(name): a full number")
      let file = Self.folder.appendingPathComponent(name + ".txt")
      if Self.updating {
        try Data(golden.utf8).write(to: file)
        continue
      }
      let expected = try? String(contentsOf: file, encoding: .utf8)
      // Compared whole, reported by the first differing line (the files run to thousands of lines).
      let difference = Self.firstDifference(expected ?? "", golden)
      #expect(
        difference == nil,
        "\(name): differs from Golden/\(name).txt at \(difference ?? ""); if intended, run with VISITD_UPDATE_GOLDEN=1 and review the diff"
      )
    }
  }

  /// The first line where `expected` and `actual` differ, both versions; nil when they are the same.
  private static func firstDifference(_ expected: String, _ actual: String) -> String? {
    guard expected != actual else { return nil }
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
    let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "(none)" }
    return "line \(line + 1): expected «\(shown(old))», got «\(shown(new))»"
  }

  /// A text field of a JSON body.
  private static func field(_ body: Data, _ path: [String]) throws -> String {
    var object: Any = try JSONSerialization.jsonObject(with: body)
    for key in path { object = try #require((object as? [String: Any])?[key]) }
    return try #require(object as? String)
  }

  /// A transport the golden test never calls: it reads request bodies only.
  private struct NoTransport: HTTPTransport {
    func post(url: String, headers: [(String, String)], body: Data, timeout: TimeInterval) async throws
      -> HTTPReply
    { HTTPReply(status: 500, body: Data()) }

    func get(url: String, headers: [(String, String)], timeout: TimeInterval) async throws -> HTTPReply {
      HTTPReply(status: 500, body: Data())
    }
  }
}
