import Foundation
import Testing

/// `visitctl doctor` on a good setup and on setups broken one way each.
@Suite(.serialized) struct DoctorTests {
  /// A secret whose text must never be printed.
  static let secretText = "doctor-test-secret-7f3a"

  /// A folder with a demo database, a copy of the shipped rules, a secret file and a receivers file with a
  /// webhook on `listener` and a mail receiver.
  private func setup(_ cli: CLI, listener: LoopbackListener) throws -> (rules: String, config: String) {
    try cli.importDemo(households: 20, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let rules = "\(cli.folder)/rules"
    try FileManager.default.copyItem(atPath: CLI.rules, toPath: rules)
    let secret = "\(cli.folder)/hook-secret"
    try Self.secretText.write(toFile: secret, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
    let config = "\(cli.folder)/visitd.toml"
    try """
    [receiver.hook]
    type = "webhook"
    url = "http://127.0.0.1:\(listener.port)/visits"
    secret = { file = "\(secret)" }

    [receiver.mail]
    type = "mail"
    to = ["ops@example.com"]
    sendmail = "/bin/true"

    [[route]]
    audience = ["operations"]
    receiver = "hook"
    """.write(toFile: config, atomically: true, encoding: .utf8)
    return (rules, config)
  }

  private func doctor(_ cli: CLI, rules: String, config: String, database: String? = nil) throws -> CLI.Result
  {
    try cli.run([
      "doctor", "--db", database ?? cli.database, "--rules", rules, "--delivery-config", config,
    ])
  }

  @Test func aGoodSetupPassesWithALineForEveryCheck() throws {
    let cli = CLI()
    let listener = try LoopbackListener()
    let (rules, config) = try setup(cli, listener: listener)
    let result = try doctor(cli, rules: rules, config: config)
    #expect(result.status == 0, "\(result.output)\n\(result.errors)")
    let lines = result.output.split(separator: "\n").map(String.init)
    let year = try #require(Int(ShanghaiDay.text(0).prefix(4)))
    for what in [
      "rules", "holidays \(year)", "holidays \(year + 1)", "database", "database integrity",
      "database schema",
      "delivery config", "credential receiver.hook.secret", "receiver hook", "receiver mail", "clock", "disk",
    ] {
      #expect(
        lines.contains { $0.range(of: #"^(ok|warn|FAIL) +\#(what): "#, options: .regularExpression) != nil },
        "no line for \(what) in\n\(result.output)")
    }
    #expect(!lines.contains { $0.hasPrefix("FAIL") })
    #expect(lines.contains { $0.hasPrefix("ok    receiver hook: 127.0.0.1:\(listener.port)") })
    #expect(!result.output.contains(Self.secretText) && !result.errors.contains(Self.secretText))
    #expect(result.output.range(of: "1[3-9][0-9]{9}", options: .regularExpression) == nil)
  }

  @Test func aBrokenRuleFileFails() throws {
    let cli = CLI()
    let listener = try LoopbackListener()
    let (rules, config) = try setup(cli, listener: listener)
    try "id = \"broken\"\nthis is = = not toml\n".write(
      toFile: "\(rules)/broken.toml", atomically: true, encoding: .utf8)
    let result = try doctor(cli, rules: rules, config: config)
    #expect(result.status != 0)
    let line = result.output.split(separator: "\n").first { $0.hasPrefix("FAIL  rules:") }
    #expect(line?.contains("broken.toml") == true, "\(result.output)")
  }

  @Test func anUnreadableCredentialFailsNamingIt() throws {
    let cli = CLI()
    let listener = try LoopbackListener()
    let (rules, config) = try setup(cli, listener: listener)
    try FileManager.default.removeItem(atPath: "\(cli.folder)/hook-secret")
    let result = try doctor(cli, rules: rules, config: config)
    #expect(result.status != 0)
    #expect(hasLine(result.output, "FAIL  credential receiver.hook.secret:"), "\(result.output)")
  }

  @Test func systemdCredentialsAreCheckedByNameWithoutPrintingThem() throws {
    let cli = CLI()
    let listener = try LoopbackListener()
    let (rules, config) = try setup(cli, listener: listener)
    let credentials = "\(cli.folder)/credentials"
    try FileManager.default.createDirectory(atPath: credentials, withIntermediateDirectories: true)
    try Self.secretText.write(toFile: "\(credentials)/visitd_hook", atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o600], ofItemAtPath: "\(credentials)/visitd_hook")
    let text = try String(contentsOfFile: config, encoding: .utf8)
    try text.replacingOccurrences(
      of: #"secret = \{ file = "[^"]*" \}"#, with: #"secret = { credential = "visitd_hook" }"#,
      options: .regularExpression
    )
    .appending("\n[receiver.robot]\ntype = \"wecom\"\nbase_url = \"http://127.0.0.1:\(listener.port)\"\n")
    .appending("key = { credential = \"visitd_robot\" }\n")
    .write(toFile: config, atomically: true, encoding: .utf8)
    let result = try cli.run(
      ["doctor", "--db", cli.database, "--rules", rules, "--delivery-config", config],
      environment: ["CREDENTIALS_DIRECTORY": credentials])
    #expect(result.status != 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.contains("ok    credential receiver.hook.secret: readable"), "\(result.output)")
    #expect(
      lines.contains { $0.hasPrefix("FAIL  credential receiver.robot.key:") && $0.contains("visitd_robot") },
      "\(result.output)")
    #expect(lines.contains { $0.hasPrefix("ok    receiver robot: 127.0.0.1:\(listener.port)") })
    #expect(!result.output.contains(Self.secretText) && !result.errors.contains(Self.secretText))
  }

  @Test func aCorruptDatabaseFails() throws {
    let cli = CLI()
    let listener = try LoopbackListener()
    let (rules, config) = try setup(cli, listener: listener)
    let corrupt = "\(cli.folder)/corrupt.sqlite"
    #expect(try cli.run(["backup", corrupt, "--db", cli.database]).status == 0)
    let handle = try #require(FileHandle(forUpdatingAtPath: corrupt))
    let size = try handle.seekToEnd()
    // Garbage over every page but the first: the header still says SQLite, the b-trees are gone.
    try handle.seek(toOffset: 4096)
    try handle.write(contentsOf: Data(repeating: 0x5A, count: Int(size) - 4096))
    try handle.close()
    let result = try doctor(cli, rules: rules, config: config, database: corrupt)
    #expect(result.status != 0)
    #expect(hasLine(result.output, "FAIL  database"), "\(result.output)")
  }

  @Test func aReceiverWhosePortIsClosedFails() throws {
    let cli = CLI()
    var port = 0
    do {
      let closed = try LoopbackListener()
      port = closed.port
    }
    let (rules, config) = try setup(cli, listener: try LoopbackListener())
    let text = try String(contentsOfFile: config, encoding: .utf8)
    try text.replacingOccurrences(
      of: #"127\.0\.0\.1:[0-9]+"#, with: "127.0.0.1:\(port)", options: .regularExpression
    )
    .write(toFile: config, atomically: true, encoding: .utf8)
    let result = try doctor(cli, rules: rules, config: config)
    #expect(result.status != 0)
    #expect(hasLine(result.output, "FAIL  receiver hook: 127.0.0.1:\(port)"), "\(result.output)")
  }

  /// Whether a line of doctor's `output` starts with `prefix`.
  private func hasLine(_ output: String, _ prefix: String) -> Bool {
    output.split(separator: "\n").contains { $0.hasPrefix(prefix) }
  }
}
