import Foundation
import TestSupport

/// A `visitd` child process with its own database, rules, control socket and notify socket.
final class DaemonProcess: @unchecked Sendable {
  let folder: String
  let notify = NotifyListener()
  private(set) var process = Process()
  private var runs = 0

  /// A daemon over a copy of the shipped rules, with `schedules` (TOML) in place of the shipped schedules.
  init(schedules: String? = nil) throws {
    folder = try BuiltProducts.temporaryFolder()
    let rules = "\(folder)/rules"
    try FileManager.default.copyItem(atPath: Self.shippedRules, toPath: rules)
    if let schedules {
      try schedules.write(toFile: "\(rules)/schedules.toml", atomically: true, encoding: .utf8)
    }
  }

  deinit {
    if process.isRunning { process.terminate() }
    try? FileManager.default.removeItem(atPath: folder)
  }

  static var shippedRules: String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rules").path
  }

  var database: String { "\(folder)/visitd.sqlite" }
  var rules: String { "\(folder)/rules" }
  var logPath: String { "\(folder)/visitd-\(runs).log" }

  /// Starts the daemon; `environment` adds variables (e.g. `WATCHDOG_USEC`); `launcher` is a program that
  /// execs the daemon with its arguments (keeping its process id); with `fileSizeBlocks` no file it writes may
  /// grow past that many 1 KiB blocks (`ulimit -f`, a full disk as far as the daemon can tell); `arguments` go
  /// to the daemon after its own.
  func start(
    environment: [String: String] = [:], launcher: String? = nil, fileSizeBlocks: Int? = nil,
    arguments: [String] = []
  ) throws {
    runs += 1
    process = Process()
    let daemon =
      [BuiltProducts.path(of: "visitd"), "--db", database, "--rules", rules, "--demo-if-empty"] + arguments
    var command = launcher.map { [$0] + daemon } ?? daemon
    if let fileSizeBlocks {
      command = ["/bin/bash", "-c", "ulimit -f \(fileSizeBlocks) && exec \"$0\" \"$@\""] + command
    }
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    var variables = ProcessInfo.processInfo.environment
    variables["NOTIFY_SOCKET"] = notify.path
    variables.removeValue(forKey: "JOURNAL_STREAM")
    variables.merge(environment) { $1 }
    process.environment = variables
    _ = FileManager.default.createFile(atPath: logPath, contents: nil)
    process.standardError = FileHandle(forWritingAtPath: logPath)
    process.standardOutput = FileHandle.nullDevice
    try process.run()
  }

  /// Waits for `READY=1`; returns the message.
  func waitReady(timeout: Double = 60) async throws -> String? {
    try await waitFor(timeout: timeout) { $0.contains("READY=1") }
  }

  /// Waits, off the cooperative pool, for a notify message that satisfies `match`.
  func waitFor(timeout: Double = 20, _ match: @escaping @Sendable (String) -> Bool) async throws -> String? {
    let notify = self.notify
    return try await offPool { notify.waitFor(timeout: timeout, match) }
  }

  /// Sends a signal to the daemon.
  func signal(_ number: Int32) { kill(process.processIdentifier, number) }

  /// Waits for the daemon to exit; returns its status, or nil on timeout.
  func waitExit(timeout: Double = 20) async throws -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// Runs `visitctl` on the daemon's database from its folder (so `./rules` are its rules); returns stdout.
  @discardableResult
  func visitctl(_ arguments: [String]) async throws -> String {
    try await offPool { try self.runVisitctl(arguments) }
  }

  private func runVisitctl(_ arguments: [String]) throws -> String {
    let tool = Process()
    tool.executableURL = URL(fileURLWithPath: BuiltProducts.path(of: "visitctl"))
    tool.arguments = arguments + ["--db", database]
    tool.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe()
    tool.standardOutput = output
    tool.standardError = FileHandle.nullDevice
    try tool.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    tool.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  /// What the current run has logged so far.
  var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
}
