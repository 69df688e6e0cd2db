import Foundation
import Testing

/// The web app as a steward's phone uses it, over real HTTP: a one-time link signs in, 今日 lists the day, the
/// visit form records once however often it is sent, and every form needs the session's form token.
@Suite(.serialized)
struct WebAppTests {
  /// A daemon of this suite's own: it records visits that other suites' households must not see.
  static let daemon = Result { try APIDaemon() }

  /// A signed-in browser: the session cookie it carries.
  struct Browser {
    let daemon: APIDaemon
    let cookie: String

    func get(_ path: String) async throws -> APIDaemon.Answer {
      try await daemon.request(.GET, path, headers: [("Cookie", cookie)])
    }

    func post(_ path: String, _ fields: [(String, String)]) async throws -> APIDaemon.Answer {
      try await daemon.request(
        .POST, path, body: WebAppTests.form(fields), contentType: "application/x-www-form-urlencoded",
        headers: [("Cookie", cookie)])
    }
  }

  static func form(_ fields: [(String, String)]) -> Data {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return Data(
      fields.map { name, value in
        "\(name.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")="
          + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
      }.joined(separator: "&").utf8)
  }

  /// The value of hidden input `name` in `html`.
  static func hidden(_ name: String, in html: String) throws -> String {
    let pattern = try Regex("name=\"\(name)\" value=\"([^\"]*)\"")
    let match = try #require(html.firstMatch(of: pattern), "no hidden \(name) in \(html.prefix(400))")
    return String(try #require(match.output[1].substring))
  }

  /// Signs `steward` in with a fresh link, as tapping it in a message and then 登录 does.
  static func signIn(_ daemon: APIDaemon, steward: String) async throws -> Browser {
    try await signIn(daemon, as: ["--steward", steward], lands: "/app")
  }

  /// Signs in the person `role` names (`--lead P`, `--operations`); the first page is `lands`.
  static func signIn(_ daemon: APIDaemon, as role: [String], lands: String = "/app") async throws -> Browser {
    let url = try await daemon.visitctl(["token", "link"] + role + ["--base-url", "http://x"])
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let path = String(url.dropFirst("http://x".count))
    let page = try await daemon.request(.GET, path)
    #expect(page.status == 200)
    #expect(page.headers.first(name: "Referrer-Policy") == "no-referrer")
    let link = try hidden("link", in: page.text)
    let posted = try await daemon.request(
      .POST, "/app/signin", body: form([("link", link)]), contentType: "application/x-www-form-urlencoded")
    #expect(posted.status == 303, "\(posted.text)")
    #expect(posted.headers.first(name: "Location") == lands)
    let setCookie = try #require(posted.headers.first(name: "Set-Cookie"))
    #expect(
      setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax") && setCookie.contains("Path=/app"))
    let again = try await daemon.request(
      .POST, "/app/signin", body: form([("link", link)]), contentType: "application/x-www-form-urlencoded")
    #expect(again.status == 410, "a sign-in link works once")
    return Browser(daemon: daemon, cookie: String(setCookie.prefix { $0 != ";" }))
  }

  @Test("a steward signs in by link, sees 今日 in Chinese with call links, records a visit once for two taps")
  func stewardDay() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let browser = try await Self.signIn(daemon, steward: cast.steward)
    let today = try await browser.get("/app/today")
    #expect(today.status == 200)
    #expect(today.headers.first(name: "Content-Type") == "text/html; charset=utf-8")
    #expect(today.text.contains("<h1>今日</h1>") && today.text.contains("本月剩余"))
    #expect(!today.text.contains("{{"), "every template tag rendered")
    // However long the backlog, a page lists at most 30 overdue tasks and links to the next 30.
    let overdue = try #require(today.text.firstMatch(of: /逾期 (\d+) 项/).flatMap { Int($0.output.1) })
    let overdueSection = today.text.components(separatedBy: "<h2>逾期").last ?? ""
    #expect(overdueSection.components(separatedBy: "<li class=\"task\">").count - 1 == min(overdue, 30))
    #expect(today.text.contains("/app/today?overdue=30") == (overdue > 30))
    if overdue > 30 {
      let next = try await browser.get("/app/today?overdue=30")
      #expect(next.text.contains("<h1>逾期</h1>") && next.text.contains("第 31–"))
    }
    let form = try await browser.get("/app/visit?household=\(cast.household)")
    #expect(form.status == 200)
    for label in ["访谈时间", "方式", "受访人", "满意度", "需求", "意见反馈", "工单号", "采集信息"] {
      #expect(form.text.contains(label), "the form has \(label)")
    }
    let fields = [
      ("form", try Self.hidden("form", in: form.text)), ("key", try Self.hidden("key", in: form.text)),
      ("household", cast.household),
      ("at", DemoDaemon.localTime(minutesAgo: 15).replacingOccurrences(of: " ", with: "T")),
      ("channel", "in-home"), ("kind", "basic"), ("interviewee", "owner"), ("outcome", "reached"),
      ("info.hobbies", "太极拳"), ("ticket", "访谈-20261205-01"),
    ]
    let first = try await browser.post("/app/visit", fields)
    #expect(first.status == 303, "\(first.text)")
    #expect(first.headers.first(name: "Location")?.hasPrefix("/app/today?settled=") == true)
    let second = try await browser.post("/app/visit", fields)
    #expect(second.status == 303, "a second tap of the same form is answered as the first")
    let admin = try await daemon.token(["--admin"])
    let brief = try await daemon.request(.GET, "/api/v1/households/\(cast.household)/brief", token: admin)
    let contacts = (brief.json["lastContacts"] as? [[String: Any]]) ?? []
    let fromTheForm = contacts.filter { ($0["found"] as? [String])?.contains("info: hobbies") == true }
    #expect(fromTheForm.count == 1, "\(brief.text)")
    #expect((fromTheForm.first?["how"] as? String)?.hasPrefix("in-home basic") == true)
    let settled = try await browser.get(try #require(first.headers.first(name: "Location")))
    #expect(settled.text.contains("已记录"))
    let household = try await browser.get("/app/household?household=\(cast.household)")
    #expect(household.status == 200)
    #expect(household.text.contains("<h1>访前准备</h1>") && household.text.contains("最近联系"))
    #expect(household.text.contains("采集：兴趣爱好") && household.text.contains("工单：访谈-20261205-01"))
    #expect(household.text.contains("入户 · 基础访谈 · 产权人 · 已访"), "the visit just recorded, in Chinese")
    #expect(!household.text.contains("in-home") && !household.text.contains("reached"))
  }

  @Test("a steward taps 本月 on 今日: the month's open work and the overdue, each opening its household")
  func stewardMonth() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let browser = try await Self.signIn(daemon, steward: cast.steward)
    let today = try await browser.get("/app/today")
    let count = { (page: String, label: String) in
      page.firstMatch(of: try! Regex("\(label) (\\d+) 项")).flatMap { Int($0.output[1].substring ?? "") } ?? 0
    }
    #expect(today.text.contains("<a href=\"/app/month\">本月未完成"))
    let month = try await browser.get("/app/month")
    #expect(month.status == 200)
    #expect(month.text.contains("<h1>本月</h1>") && month.text.contains("返回今日"))
    #expect(!month.text.contains("{{"), "every template tag rendered")
    #expect(count(month.text, "本月待访") == count(today.text, "本月未完成"), "the page lists what 今日 counts")
    #expect(count(month.text, "逾期") == count(today.text, "逾期"))
    #expect(count(month.text, "本月待访") + count(month.text, "逾期") > 0, "the demo steward has work")
    let links = month.text.components(separatedBy: "href=\"/app/household?household=").count - 1
    #expect(links == count(month.text, "本月待访") + count(month.text, "逾期"), "each task opens its household")
    let lead = try await Self.signIn(daemon, as: ["--lead", cast.project])
    #expect(try await lead.get("/app/month").status == 403, "本月 is a steward's page")
  }

  @Test("a form without the session's form token, a bad ticket, a stranger's household: refused by name")
  func refusals() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let browser = try await Self.signIn(daemon, steward: cast.steward)
    let form = try await browser.get("/app/visit?household=\(cast.household)")
    let key = try Self.hidden("key", in: form.text)
    let forged = try await browser.post(
      "/app/visit", [("form", "0"), ("key", key), ("household", cast.household), ("at", "2026-01-01T10:00")])
    #expect(forged.status == 403)
    let token = try Self.hidden("form", in: form.text)
    let badTicket = try await browser.post(
      "/app/visit",
      [
        ("form", token), ("key", key), ("household", cast.household), ("at", "2026-01-01T10:00"),
        ("ticket", "12345"),
      ])
    #expect(badTicket.status == 422)
    #expect(badTicket.text.contains("工单号") && badTicket.text.contains("访谈-"))
    #expect(badTicket.text.contains("value=\"12345\""), "what was typed is kept")
    let stranger = try await browser.get("/app/visit?household=\(cast.otherHousehold)")
    #expect(stranger.status == 404)
    let anonymous = try await daemon.request(.GET, "/app/today")
    #expect(anonymous.status == 401)
    let cookieAsBearer = try await daemon.request(
      .GET, "/api/v1/stewards/\(cast.steward)/day", token: String(browser.cookie.split(separator: "=")[1]))
    #expect(cookieAsBearer.status == 401, "a session's secret is not an API token")
  }

  @Test("signing out ends the session on the server; each call link shown is a logged read")
  func signOutAndAccessLog() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let browser = try await Self.signIn(daemon, steward: cast.steward)
    let today = try await browser.get("/app/today")
    // Each task card names its household in its form link; a card with a call link is a logged read.
    let cards = today.text.components(separatedBy: "<li class=\"task\">").dropFirst()
    let called = Set(
      cards.filter { $0.contains("href=\"tel:") }.compactMap { card in
        card.firstMatch(of: /household=([^"]+)"/).map { String($0.output.1) }
      })
    let audit = try await daemon.visitctl(["audit", "--json"])
    let records = try #require(try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [[String: Any]])
    let logged = Set(
      records.filter { ($0["why"] as? String)?.hasPrefix("web") == true }.compactMap {
        $0["household"] as? String
      })
    #expect(called.isSubset(of: logged), "\(called.subtracting(logged)) shown without a log record")
    #expect(!today.text.contains("href=\"tel:\""), "no empty call link")
    let out = try await browser.post("/app/signout", [("form", try Self.hidden("form", in: today.text))])
    #expect(out.status == 200)
    #expect(try await browser.get("/app/today").status == 401)
  }

  @Test("a lead sees the spot check with its chart and follows a steward to the households; no other project")
  func leadSpotCheck() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let lead = try await Self.signIn(daemon, as: ["--lead", cast.project])
    let home = try await lead.get("/app")
    #expect(home.status == 303 && home.headers.first(name: "Location") == "/app/lead")
    let page = try await lead.get("/app/lead")
    #expect(page.status == 200)
    #expect(page.text.contains("<h1>抽查</h1>") && page.text.contains("<svg") && page.text.contains("各管家进度"))
    #expect(page.text.contains("/app/lead/steward/\(cast.steward)"), "every steward of the project is listed")
    #expect(!page.text.contains("/app/lead/steward/\(cast.otherSteward)?"), "not another project's steward")
    let elsewhere = try await lead.get("/app/lead?project=\(cast.otherProject)")
    #expect(
      !elsewhere.text.contains("/app/lead/steward/\(cast.otherSteward)?"),
      "?project= is not a lead's to choose")
    let steward = try await lead.get("/app/lead/steward/\(cast.steward)")
    #expect(steward.status == 200)
    #expect(steward.text.contains("逾期") || steward.text.contains("本月待访"))
    #expect(!steward.text.contains("tel:"), "a lead's page shows no numbers")
    let household = try await lead.get("/app/household?household=\(cast.household)")
    #expect(household.status == 200 && household.text.contains("应访"))
    #expect(!household.text.contains("tel:"), "a lead reads the brief without the number")
    #expect(try await lead.get("/app/household?household=\(cast.otherHousehold)").status == 404)
    let plan = try await lead.get("/app/lead/plan")
    #expect(plan.status == 200 && plan.text.contains("<h1>访谈计划</h1>") && plan.text.contains("<svg"))
    let building = try #require(
      plan.text.firstMatch(of: /href="(\/app\/lead\/plan\?month=[^"&]+&amp;building=[^"]+)"/))
    let opened = try await lead.get(String(building.output.1).replacingOccurrences(of: "&amp;", with: "&"))
    #expect(opened.status == 200 && opened.text.contains("全部楼栋"))
    #expect(!opened.text.contains("tel:"))
    let history = try await lead.get("/app/lead/history")
    #expect(history.status == 200 && history.text.contains("<h1>历月趋势</h1>"))
    #expect(
      history.text.components(separatedBy: "<svg").count - 1 == 2, "the steward grid and the capture bars")
    #expect(history.text.contains("各管家按月按时完成率") && history.text.contains("信息捕捉率（按月）"))
    #expect(try await lead.get("/app/ops/sample").status == 403)
    #expect(try await lead.get("/app/lead?month=2026-13").status == 400)
  }

  @Test("operations read the summary, and the call-back list with whole numbers, each one logged")
  func operationsSample() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let operations = try await Self.signIn(daemon, as: ["--operations"])
    let summary = try await operations.get("/app/ops")
    #expect(summary.status == 200)
    #expect(summary.text.contains("<h1>月度汇总</h1>") && summary.text.contains("按时完成"))
    // The demo's visits fall in the months before today's too: last month's sample has visits to call back.
    let month = try #require(summary.text.firstMatch(of: /sample\?month=(\d{4})-(\d{2})/))
    let (year, number) = (Int(month.output.1)!, Int(month.output.2)!)
    let previous =
      number == 1 ? "\(year - 1)-12" : "\(year)-" + (number - 1 < 10 ? "0" : "") + "\(number - 1)"
    let sample = try await operations.get("/app/ops/sample?month=\(previous)")
    #expect(sample.status == 200)
    let numbers = sample.text.matches(of: /href="tel:(\d{11})"/).map { String($0.output.1) }
    #expect(!numbers.isEmpty, "\(sample.text.prefix(2000))")
    let audit = try await daemon.visitctl(["audit", "--json"])
    let records = try #require(try JSONSerialization.jsonObject(with: Data(audit.utf8)) as? [[String: Any]])
    let logged = records.filter { ($0["why"] as? String) == "web 抽样回访 \(previous)" }
    #expect(logged.count >= Set(numbers).count)
    #expect(summary.text.contains("/app/export?kind=register&amp;month="))
    let register = try await operations.get("/app/export?kind=register&month=\(previous)")
    #expect(register.status == 200)
    #expect(
      register.headers.first(name: "Content-Type")
        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    #expect(register.headers.first(name: "Content-Disposition")?.hasPrefix("attachment;") == true)
    #expect(register.body.prefix(2) == Data("PK".utf8), "an OOXML zip")
    #expect(try await operations.get("/app/export?kind=nonsense").status == 400)
    let steward = try await Self.signIn(daemon, steward: cast.steward)
    #expect(try await steward.get("/app/export?kind=register").status == 403)
    #expect(try await steward.get("/app/ops/sample").status == 403)
    #expect(try await steward.get("/app/lead").status == 403)
  }
}
