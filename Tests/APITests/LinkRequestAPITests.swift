import Foundation
import Testing

/// 获取登录链接 over real HTTP: a person types their id, a new link goes to their own channel through the outbox,
/// the page answers the same for any id, at most three links an hour, and a form from elsewhere is refused.
@Suite(.serialized)
struct LinkRequestAPITests {
  static let base = "http://visit.test"

  /// A daemon of this suite's own, with `[web] base_url` (it counts the links it queues).
  static let daemon = Result {
    try APIDaemon { folder in
      let config = "\(folder)/visitd.toml"
      try "[web]\nbase_url = \"\(LinkRequestAPITests.base)\"\n".write(
        toFile: config, atomically: true, encoding: .utf8)
      return ["--delivery-config", config]
    }
  }

  /// A browser that fetched the request form: its form cookie and the form's token.
  struct Visit {
    let cookie: String
    let form: String
  }

  private func open(_ daemon: APIDaemon) async throws -> Visit {
    let page = try await daemon.request(.GET, "/app/request-link")
    #expect(page.status == 200, "\(page.text)")
    #expect(page.text.contains("<label for=\"person\">") && page.text.contains("id=\"person\""))
    let setCookie = try #require(page.headers.first(name: "Set-Cookie"))
    #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
    return Visit(
      cookie: String(setCookie.prefix { $0 != ";" }), form: try WebAppTests.hidden("form", in: page.text))
  }

  private func ask(
    _ daemon: APIDaemon, _ person: String, visit: Visit?, form: String? = nil
  ) async throws -> APIDaemon.Answer {
    try await daemon.request(
      .POST, "/app/request-link",
      body: WebAppTests.form([("form", form ?? visit?.form ?? ""), ("person", person)]),
      contentType: "application/x-www-form-urlencoded",
      headers: visit.map { [("Cookie", $0.cookie)] } ?? [])
  }

  /// The payloads of the sign-in messages in the outbox, as JSON objects.
  private func signInMessages(_ daemon: APIDaemon, admin: String) async throws -> [[String: Any]] {
    let listing = try await daemon.request(.GET, "/api/v1/outbox?limit=1000", token: admin)
    #expect(listing.status == 200, "\(listing.text)")
    let rows = listing.json["rows"] as? [[String: Any]] ?? []
    return rows.filter { ($0["key"] as? String)?.hasPrefix("signin:") == true }.compactMap { row in
      (row["payload"] as? String).flatMap {
        try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
      }
    }
  }

  @Test("a known steward's id queues one personal message to that person with a working link")
  func knownSteward() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let admin = try await daemon.token(["--admin"])
    let answer = try await ask(daemon, cast.steward, visit: try await open(daemon))
    #expect(answer.status == 200)
    #expect(answer.text.contains("如果该编号已登记，登录链接已发送到本人的企业微信/钉钉/飞书或邮箱"))
    #expect(!answer.text.contains("/app/signin/vd_"), "the link is never shown on the page")
    // The only links this daemon sends to this steward are the ones this test asks for.
    let messages = try await signInMessages(daemon, admin: admin).filter {
      ($0["recipient"] as? [String: Any])?["person"] as? String == cast.steward
    }
    #expect(messages.count == 1)
    let message = try #require(messages.first)
    let recipient = try #require(message["recipient"] as? [String: Any])
    #expect(recipient["wecom"] as? String == cast.steward.lowercased())
    #expect(message["personal"] as? Bool == true)
    let text = String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)
      .replacingOccurrences(of: "\\/", with: "/")
    let link = try #require(text.firstMatch(of: /http:\/\/visit\.test(\/app\/signin\/vd_[A-Za-z0-9_-]+)/))
    let page = try await daemon.request(.GET, String(link.output.1))
    #expect(page.status == 200)
    let signedIn = try await daemon.request(
      .POST, "/app/signin", body: WebAppTests.form([("link", try WebAppTests.hidden("link", in: page.text))]),
      contentType: "application/x-www-form-urlencoded")
    #expect(signedIn.status == 303, "the link signs the person in")
    #expect(signedIn.headers.first(name: "Set-Cookie")?.hasPrefix("visitd_session=") == true)
  }

  @Test(
    "an unknown id gets the same page and queues nothing; a fourth request within the hour queues nothing")
  func unknownAndLimited() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let admin = try await daemon.token(["--admin"])
    let before = try await signInMessages(daemon, admin: admin).count
    let visit = try await open(daemon)
    let known = try await ask(daemon, cast.otherSteward, visit: visit)
    let unknown = try await ask(daemon, "NO-SUCH-\(UUID().uuidString.prefix(8))", visit: visit)
    #expect(unknown.status == known.status && unknown.text == known.text, "no telling which ids exist")
    #expect(try await signInMessages(daemon, admin: admin).count == before + 1)
    for _ in 0..<2 { _ = try await ask(daemon, cast.otherSteward, visit: visit) }
    let fourth = try await ask(daemon, cast.otherSteward, visit: visit)
    #expect(fourth.status == known.status && fourth.text == known.text)
    let messages = try await signInMessages(daemon, admin: admin)
    #expect(messages.count == before + 3, "three links an hour, the fourth refused")
  }

  @Test("a post without the form's cookie or token is refused and queues nothing")
  func forgedForm() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Self.daemon)
    let admin = try await daemon.token(["--admin"])
    let before = try await signInMessages(daemon, admin: admin).count
    let visit = try await open(daemon)
    #expect(try await ask(daemon, cast.steward, visit: nil, form: visit.form).status == 403)
    #expect(
      try await ask(daemon, cast.steward, visit: visit, form: String(repeating: "0", count: 64)).status == 403
    )
    #expect(try await signInMessages(daemon, admin: admin).count == before)
  }

  @Test(
    "without [web] base_url the page says links are not available by self-service; the expired page links to it"
  )
  func unavailable() async throws {
    let (daemon, _) = try await DemoDaemon.started()
    let page = try await daemon.request(.GET, "/app/request-link")
    #expect(page.status == 404 && page.text.contains("未开放自助获取登录链接"))
    let expired = try await daemon.request(
      .POST, "/app/signin", body: WebAppTests.form([("link", "vd_gone")]),
      contentType: "application/x-www-form-urlencoded")
    #expect(expired.status == 410 && expired.text.contains("href=\"/app/request-link\""))
  }
}
