import Delivery
import Foundation
import Logging
import Messages
import Policy
import Store
import StoreSQLite
import Synchronization

/// Shared sample data and helpers for the delivery tests.
enum Fixtures {
  static let owner = OwnerRef(household: "A-3-1-1202", surname: "张", phone: "13812345678")

  static let visit = VisitLine(owner: owner, rule: "年度入户", channel: "入户", due: "2026-11-30")

  static let digest = StewardDigest(
    steward: "李娜", date: "2026-11-26 星期四", window: "17:30–19:30",
    buildings: [BuildingGroup(building: "3栋", visits: [visit])],
    calls: [
      BuildingGroup(
        building: "5栋",
        visits: [
          VisitLine(
            owner: OwnerRef(household: "A-5-2-0801", surname: "欧阳", phone: "13987654321"), rule: "装修回访",
            channel: "电话/微信", due: "2026-11-28")
        ])
    ],
    overdue: [VisitLine(owner: owner, rule: "深度访谈", channel: "入户", due: "2026-11-20")])

  static func message(project: String? = "P1", audience: Audience = .steward, urgent: Bool = false)
    -> OutboxMessage
  {
    OutboxMessage(
      audience: audience, project: project, content: .stewardDigest(digest), urgent: urgent,
      mentions: ["lina"])
  }

  static func rendered(key: String = "digest:S1:2026-11-26") -> RenderedMessage {
    RenderedMessage(title: "标题", body: "正文", mentions: ["lina"], key: key)
  }

  /// The folder of this test process's temporary directories, removed when the process exits.
  private static let temporaryRoot: String = {
    let path = NSTemporaryDirectory() + "visitd-delivery-" + UUID().uuidString
    atexit { try? FileManager.default.removeItem(atPath: Fixtures.temporaryRoot) }
    return path
  }()

  /// A receivers file sending the stewards' messages to the webhook at `url` (signed with the secret in
  /// `secretFile` when given), claimed rows leased for `lease`, a failed send retried after a second.
  static func webhookReceivers(url: String, lease: String, secretFile: String? = nil) -> String {
    let secret = secretFile.map { "\nsecret = { file = \"\($0)\" }" } ?? ""
    return """
      [delivery]
      lease = "\(lease)"
      timeout = "90s"
      rate_limits = false
      [delivery.retry]
      first = "1s"
      max_age = "1h"
      [receiver.crm]
      type = "webhook"
      url = "\(url)"\(secret)
      [[route]]
      audience = "steward"
      receiver = "crm"
      """
  }

  /// A fresh private temporary directory.
  static func temporaryDirectory() throws -> String {
    let path = temporaryRoot + "/" + UUID().uuidString
    try FileManager.default.createDirectory(
      atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    return path
  }

  /// A store in a new temporary directory.
  static func store() throws -> SQLiteStore {
    try SQLiteStore(path: try temporaryDirectory() + "/visitd.sqlite")
  }

  /// Writes `text` to `path` with `mode`.
  static func write(_ text: String, to path: String, mode: Int = 0o600) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
  }
}

/// A clock tests move by hand.
final class TestClock: Sendable {
  private let current: Mutex<Date>

  init(_ start: Date) { current = Mutex(start) }

  var now: Date { current.withLock { $0 } }

  func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }

  var closure: @Sendable () -> Date { { self.now } }
}

/// Collects log lines, so tests can check what was (and was not) logged.
final class LogCapture: Sendable {
  private let lines = Mutex<[String]>([])

  var all: [String] { lines.withLock { $0 } }

  var logger: Logger {
    Logger(label: "test") { _ in CapturingHandler(capture: self) }
  }

  func append(_ line: String) { lines.withLock { $0.append(line) } }
}

private struct CapturingHandler: LogHandler {
  let capture: LogCapture
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .trace

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    let fields = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
    capture.append("\(event.level) \(event.message) \(fields)")
  }
}

/// One HTTP client for every test, never shut down (a client must be shut down before it is freed).
enum SharedTransport {
  static let http = AsyncHTTPTransport()
}
