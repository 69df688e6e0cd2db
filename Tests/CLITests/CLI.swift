import Foundation

/// Runs the built `visitctl` as a whole process, as people and scripts do; its folder goes with it.
final class CLI {
  /// What a run printed and how it ended.
  struct Result {
    let status: Int32
    let bytes: Data
    let output: String
    let errors: String
  }

  /// The folder runs write their database and files into.
  let folder: String

  /// A fresh temporary folder.
  init() {
    folder = NSTemporaryDirectory() + "clitests-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  /// The database of this folder.
  var database: String { folder + "/visitd.sqlite" }

  /// The shipped rules of the checkout.
  static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("rules").path

  /// `visitctl` next to the test bundle (or `$VISITCTL`).
  static var executable: String {
    if let explicit = ProcessInfo.processInfo.environment["VISITCTL"] { return explicit }
    var folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    while folder.path != "/" {
      let candidate = folder.appendingPathComponent("visitctl").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    return "visitctl"
  }

  /// Runs visitctl with `arguments` in the folder, capturing both outputs through files; with a `launcher`
  /// (`setpriv …`), through it; `environment` adds to (or replaces in) the inherited one.
  @discardableResult
  func run(_ arguments: [String], launcher: [String] = [], environment: [String: String] = [:]) throws
    -> Result
  {
    let out = folder + "/stdout-\(UUID().uuidString)"
    let err = folder + "/stderr-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: out, contents: nil)
    _ = FileManager.default.createFile(atPath: err, contents: nil)
    let process = Process()
    let command = launcher + [CLI.executable] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
    try process.run()
    process.waitUntilExit()
    let bytes = try Data(contentsOf: URL(fileURLWithPath: out))
    return Result(
      status: process.terminationStatus, bytes: bytes, output: String(decoding: bytes, as: UTF8.self),
      errors: try String(contentsOfFile: err, encoding: .utf8))
  }

  /// Runs a command on this folder's database with the shipped rules.
  @discardableResult
  func db(_ arguments: [String]) throws -> Result {
    try run(arguments + ["--db", database, "--rules", CLI.rules])
  }

  /// Generates a demo set of `households` with facts up to `asOf` and imports it into the database.
  func importDemo(households: Int, asOf: String) throws {
    let demo = folder + "/demo"
    try run([
      "demo", "generate", "--projects", "2", "--households", "\(households)", "--seed", "5", "--as-of", asOf,
      "--out", demo,
    ])
    for kind in ["projects", "stewards", "areas", "households", "visits"] {
      let result = try run(["import", kind, "\(demo)/\(kind).csv", "--db", database])
      guard result.status == 0 else { throw CLIError("import \(kind) failed: \(result.errors)") }
    }
  }
}

/// A setup step that failed.
struct CLIError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) { self.description = description }
}

/// Days in Asia/Shanghai, as the shipped rules see them.
enum ShanghaiDay {
  /// `YYYY-MM-DD` of the day `offset` days from today.
  static func text(_ offset: Int) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let day = calendar.date(byAdding: .day, value: offset, to: Date())!
    let parts = calendar.dateComponents([.year, .month, .day], from: day)
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
  }

  /// `YYYY-MM-DD HH:MM` a minute ago: a moment of this year even just after midnight on 1 January.
  static func aMinuteAgo() -> String {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    return formatter.string(from: Date().addingTimeInterval(-60))
  }

  /// The last day of the month before the one holding `day` (`YYYY-MM-DD`).
  static func endOfPreviousMonth(_ day: String) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    let parts = day.split(separator: "-").map { Int($0)! }
    let first = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: 1, hour: 12))!
    let last = calendar.date(byAdding: .day, value: -1, to: first)!
    let out = calendar.dateComponents([.year, .month, .day], from: last)
    return String(format: "%04d-%02d-%02d", out.year!, out.month!, out.day!)
  }
}
