/// Reads one `[receiver.NAME]` table.
struct ReceiverParser {
  let secrets: SecretLoader

  /// The vendors' endpoints when `base_url` is not given, by receiver type.
  static let defaultBaseURLs = [
    "wecom": "https://qyapi.weixin.qq.com", "dingtalk": "https://oapi.dingtalk.com",
    "feishu": "https://open.feishu.cn", "wecom-app": "https://qyapi.weixin.qq.com",
    "wecom-calendar": "https://qyapi.weixin.qq.com",
    "dingtalk-app": "https://oapi.dingtalk.com", "feishu-app": "https://open.feishu.cn",
  ]

  /// The mail program when `sendmail` is not given.
  static let defaultSendmail = "/usr/sbin/sendmail"

  func parse(name: String, _ table: ConfigTable) throws -> ReceiverConfig {
    let type = try table.requiredString("type")
    let kind: ReceiverKind
    switch type {
    case "wecom": kind = try weCom(table)
    case "dingtalk": kind = try dingTalk(table)
    case "feishu": kind = try feishu(table)
    case "webhook": kind = try webhook(table)
    case "mail": kind = try mail(table)
    case "wecom-app": kind = try weComApp(table)
    case "wecom-calendar": kind = try weComCalendar(table)
    case "dingtalk-app": kind = try dingTalkApp(table)
    case "feishu-app": kind = try feishuApp(table)
    case "console":
      try table.rejectUnknown(["type"])
      kind = .console
    default:
      throw table.error(
        "type",
        "'\(type)' is not one of wecom, dingtalk, feishu, wecom-app, dingtalk-app, feishu-app, wecom-calendar, "
          + "webhook, mail, console")
    }
    return ReceiverConfig(name: name, kind: kind, fallback: try table.string("fallback"))
  }

  private func weComApp(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "corp_id", "agent_id", "secret", "base_url", "format", "fallback"])
    return .weComApp(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["wecom-app"]!,
      corpID: try table.requiredString("corp_id"), agentID: try agentID(table),
      secret: try required("secret", table), markdown: try markdown(table))
  }

  private func weComCalendar(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "corp_id", "agent_id", "secret", "base_url", "fallback"])
    return .weComCalendar(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["wecom-calendar"]!,
      corpID: try table.requiredString("corp_id"), agentID: try agentID(table),
      secret: try required("secret", table))
  }

  private func dingTalkApp(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "app_key", "app_secret", "agent_id", "base_url", "format", "fallback"])
    return .dingTalkApp(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["dingtalk-app"]!,
      appKey: try table.requiredString("app_key"), appSecret: try required("app_secret", table),
      agentID: try agentID(table), markdown: try markdown(table))
  }

  private func feishuApp(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "app_id", "app_secret", "base_url", "fallback"])
    return .feishuApp(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["feishu-app"]!,
      appID: try table.requiredString("app_id"), appSecret: try required("app_secret", table))
  }

  private func agentID(_ table: ConfigTable) throws -> Int {
    guard let id = try table.int("agent_id") else { throw table.error("agent_id", "is required") }
    guard id > 0 else { throw table.error("agent_id", "must be a positive whole number") }
    return id
  }

  private func weCom(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "key", "base_url", "format"])
    return .weCom(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["wecom"]!,
      key: try required("key", table),
      markdown: try markdown(table))
  }

  private func dingTalk(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "token", "secret", "base_url", "format"])
    return .dingTalk(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["dingtalk"]!,
      token: try required("token", table),
      secret: try secrets.load("secret", in: table), markdown: try markdown(table))
  }

  private func feishu(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "token", "secret", "base_url"])
    return .feishu(
      baseURL: try table.string("base_url") ?? Self.defaultBaseURLs["feishu"]!,
      token: try required("token", table),
      secret: try secrets.load("secret", in: table))
  }

  private func webhook(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "url", "secret", "signature_header"])
    return .webhook(
      url: try table.requiredString("url"), secret: try secrets.load("secret", in: table),
      signatureHeader: try table.string("signature_header") ?? "X-Visitd-Signature")
  }

  private func mail(_ table: ConfigTable) throws -> ReceiverKind {
    try table.rejectUnknown(["type", "to", "from", "sendmail", "fallback"])
    // Without `to` the receiver mails persons only: each message to its person's address from stewards.csv.
    let to = try table.strings("to") ?? []
    return .mail(
      sendmail: try table.string("sendmail") ?? Self.defaultSendmail,
      from: try table.string("from") ?? "visitd <visitd@localhost>", to: to)
  }

  private func required(_ key: String, _ table: ConfigTable) throws -> Secret {
    guard let secret = try secrets.load(key, in: table) else { throw table.error(key, "is required") }
    return secret
  }

  private func markdown(_ table: ConfigTable) throws -> Bool {
    switch try table.string("format") ?? "text" {
    case "text": return false
    case "markdown": return true
    case let other: throw table.error("format", "'\(other)' is not text or markdown")
    }
  }
}
