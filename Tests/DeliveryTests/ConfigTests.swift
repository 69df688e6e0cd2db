import Delivery
import Foundation
import Messages
import Testing

@Suite struct ConfigTests {
  /// A configuration file and a credentials directory holding `wecom-ops` and `ding-secret`.
  func setUp(_ toml: String) throws -> (path: String, environment: [String: String]) {
    let directory = try Fixtures.temporaryDirectory()
    let credentials = directory + "/credentials"
    try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
    try Fixtures.write("wk-0123456789\n", to: credentials + "/wecom-ops")
    try Fixtures.write("SECdingsecret", to: credentials + "/ding-secret")
    try Fixtures.write("dt-token-9876", to: directory + "/ding-token", mode: 0o640)
    try Fixtures.write(toml.replacingOccurrences(of: "DIR", with: directory), to: directory + "/visitd.toml")
    return (directory + "/visitd.toml", ["CREDENTIALS_DIRECTORY": credentials])
  }

  @Test func theWebAppsAddressIsReadFromWebAndMustBeHTTP() throws {
    let (path, environment) = try setUp("[web]\nbase_url = \"https://visit.example.com\"\nlisten = \"x\"\n")
    #expect(
      try DeliveryConfigLoader(environment: environment).load(path: path).webBaseURL
        == "https://visit.example.com")
    let (none, _) = try setUp("[delivery]\ntimeout = \"5s\"\n")
    #expect(try DeliveryConfigLoader(environment: environment).load(path: none).webBaseURL == nil)
    let (bad, _) = try setUp("[web]\nbase_url = \"visit.example.com\"\n")
    #expect(throws: DeliveryError.self) { try DeliveryConfigLoader(environment: environment).load(path: bad) }
  }

  @Test func readsReceiversRoutesAndSettings() throws {
    let (path, environment) = try setUp(
      """
      [delivery]
      zone = "Asia/Shanghai"
      quiet_hours = "21:00-08:00"
      timeout = "5s"
      [delivery.retry]
      first = "1min"
      max_age = "2d"

      [receiver.ops]
      type = "wecom"
      key = { credential = "wecom-ops" }
      format = "markdown"

      [receiver.leads]
      type = "dingtalk"
      token = { file = "DIR/ding-token" }
      secret = { credential = "ding-secret" }

      [[route]]
      audience = ["operations", "admin"]
      receiver = "ops"

      [[route]]
      project = "P1"
      audience = "lead"
      receiver = "leads"
      """)
    let config = try DeliveryConfigLoader(environment: environment).load(path: path)
    #expect(
      config.receivers["ops"]?.kind
        == .weCom(baseURL: "https://qyapi.weixin.qq.com", key: Secret("wk-0123456789"), markdown: true))
    #expect(config.receiver(project: "P1", audience: .projectLead) == "leads")
    #expect(config.receiver(project: "P2", audience: .projectLead) == "console")
    #expect(config.receiver(project: "P2", audience: .admin) == "ops")
    #expect(config.retry.first == 60)
    #expect(config.retry.maxAge == 172_800)
    #expect(config.timeout == 5)
    #expect(config.quietHours != nil)
  }

  @Test func noFileMeansConsole() throws {
    let config = try DeliveryConfigLoader(environment: [:]).load(path: "/nonexistent/visitd.toml")
    #expect(config.receiver(project: "P1", audience: .steward) == "console")
  }

  @Test func inlineSecretsAreRefusedNamingFileAndKey() throws {
    let (path, environment) = try setUp(
      """
      [receiver.ops]
      type = "wecom"
      key = "wk-inline"
      """)
    let error = #expect(throws: DeliveryError.self) {
      try DeliveryConfigLoader(environment: environment).load(path: path)
    }
    #expect(error?.message.hasPrefix("\(path): receiver.ops.key: inline secrets are refused") == true)
    #expect(error?.message.contains("wk-inline") == false)
  }

  @Test func worldReadableSecretFilesAreRefused() throws {
    let (path, environment) = try setUp(
      """
      [receiver.leads]
      type = "dingtalk"
      token = { file = "DIR/open" }
      """)
    let directory = (path as NSString).deletingLastPathComponent
    try Fixtures.write("dt-open", to: directory + "/open", mode: 0o644)
    let error = #expect(throws: DeliveryError.self) {
      try DeliveryConfigLoader(environment: environment).load(path: path)
    }
    #expect(
      error?.message.contains(
        "receiver.leads.token.file: secret file \(directory)/open is readable by everyone") == true)
  }

  @Test func routesMustNameAKnownReceiverAndAudience() throws {
    let (path, environment) = try setUp(
      """
      [[route]]
      audience = "lead"
      receiver = "nobody"
      """)
    let error = #expect(throws: DeliveryError.self) {
      try DeliveryConfigLoader(environment: environment).load(path: path)
    }
    #expect(error?.message == "\(path): route[0].receiver: no [receiver.nobody] is configured")
  }

  @Test func redactorHidesSecretsAndURLTokens() {
    let redactor = Redactor(secrets: [Secret("wk-0123456789"), Secret("a+b/c=")])
    #expect(
      redactor.redact("POST https://x/cgi-bin/webhook/send?key=wk-0123456789 failed")
        == "POST https://x/cgi-bin/webhook/send?key=*** failed")
    #expect(redactor.redact("token a%2Bb%2Fc%3D and a+b/c=") == "token *** and ***")
    #expect(
      redactor.redact("https://oapi/robot/send?access_token=zzz&timestamp=1&sign=abc")
        == "https://oapi/robot/send?access_token=***&timestamp=1&sign=***")
    #expect(
      redactor.redact("https://open.feishu.cn/open-apis/bot/v2/hook/abc-def")
        == "https://open.feishu.cn/open-apis/bot/v2/hook/***")
    #expect("\(Secret("wk-0123456789"))" == "***")
  }
}
