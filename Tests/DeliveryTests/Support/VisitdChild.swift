import Foundation
import Glibc
import TestSupport

/// A `visitd` child process over a folder of its own: a database, the shipped rules, a receivers file.
///
/// Each `start(log:)` runs the daemon again on the same folder, its stderr in `log` inside the folder,
/// its `NOTIFY_SOCKET` a datagram socket the test owns.
final class VisitdChild: @unchecked Sendable {
  /// The folder holding the database, the rules, the receivers file and the logs.
  let folder: String
  private let notify = NotifyListener()
  private var process = Process()

  /// The `visitd` binary built next to the test bundle (`$VISITD_BIN_DIR` overrides), nil if not built.
  static let binary: String? = {
    let path = BuiltProducts.path(of: "visitd")
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }()

  /// The repository's `rules/` folder.
  static var shippedRules: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules").path
  }

  /// A folder with a copy of the shipped rules minus `schedules.toml` (so no schedule adds messages), on the
  /// PostgreSQL database `database` when given (a node of several), else on an SQLite file of its own.
  init(database: String? = nil) throws {
    sharedDatabase = database
    folder = try Fixtures.temporaryDirectory()
    try FileManager.default.copyItem(atPath: Self.shippedRules, toPath: rules)
    try FileManager.default.removeItem(atPath: "\(rules)/schedules.toml")
  }

  deinit {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// The database: a PostgreSQL URL given at `init`, else an SQLite file in the folder.
  var database: String { sharedDatabase ?? "\(folder)/visitd.sqlite" }
  private let sharedDatabase: String?
  /// The process id of the current run.
  var processIdentifier: Int32 { process.processIdentifier }
  /// The rules folder.
  var rules: String { "\(folder)/rules" }
  /// The receivers file (`--delivery-config`).
  var deliveryConfig: String { "\(folder)/visitd.toml" }

  /// Whether the current run is alive.
  var isRunning: Bool { process.isRunning }

  /// Starts the daemon with its stderr in `log` (a file name inside the folder) and `arguments` added.
  func start(log: String, arguments: [String] = []) throws {
    process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary ?? "visitd")
    process.arguments =
      [
        "--db", database, "--rules", rules, "--delivery-config", deliveryConfig, "--control-socket",
        "\(folder)/control.sock",
      ] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["NOTIFY_SOCKET"] = notify.path
    for name in ["JOURNAL_STREAM", "WATCHDOG_USEC", "WATCHDOG_PID", "VISITD_LOG_LEVEL"] {
      environment.removeValue(forKey: name)
    }
    process.environment = environment
    let path = "\(folder)/\(log)"
    _ = FileManager.default.createFile(atPath: path, contents: nil)
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    process.standardOutput = FileHandle.nullDevice
    try process.run()
  }

  /// Waits, off the cooperative pool, for `READY=1`; false on timeout.
  func waitReady(timeout: TimeInterval = 60) async throws -> Bool {
    let notify = self.notify
    return try await offPool { notify.waitFor(timeout: timeout) { $0.contains("READY=1") } != nil }
  }

  /// Sends `signal` and waits for the exit; returns the termination status, nil on timeout.
  func stop(_ signal: Int32, timeout: TimeInterval = 30) async throws -> Int32? {
    kill(process.processIdentifier, signal)
    let process = self.process
    guard try await eventually(timeout: timeout, { !process.isRunning }) else { return nil }
    return process.terminationStatus
  }

  /// What the run that wrote `log` logged.
  func log(_ log: String) -> String {
    (try? String(contentsOfFile: "\(folder)/\(log)", encoding: .utf8)) ?? ""
  }
}
