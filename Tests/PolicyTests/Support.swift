import Foundation
import Testing

@testable import Policy

/// Paths and temporary directories the tests share.
enum Support {
  /// The checkout's `rules/` directory: the shipped policy.
  static let shippedRules = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("rules").path

  /// The folder of this test process's directories, removed when the process exits.
  private static let root: String = {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("policy-tests-\(UUID().uuidString)").path
    atexit { try? FileManager.default.removeItem(atPath: Support.root) }
    return path
  }()

  /// The head of a valid basic rule (id `r`, vacant A/B households), its trigger left to the test.
  static let ruleHead = """
    id = "r"
    title = "测试"
    kind = "basic"
    channels = ["phone"]

    [select]
    state = ["vacant"]
    grade = ["A", "B"]

    """

  /// The problems of loading `text` as the one file `name`, as `file:line: message` relative to its folder.
  static func problems(_ name: String, _ text: String) throws -> [String] {
    let directory = try Support.directory([name: text])
    return Support.messages(Support.load(over: [directory]), relativeTo: directory)
  }

  /// A fresh temporary directory holding `files` (name → text).
  static func directory(_ files: [String: String]) throws -> String {
    let path = (root as NSString).appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files {
      try text.write(
        toFile: (path as NSString).appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    return path
  }

  /// Loads the shipped rules, then `directories` on top.
  static func load(over directories: [String]) -> PolicyLoad {
    PolicyLoader.load(RuleSource(directories: [shippedRules] + directories))
  }

  /// The problems of a load, with `directory/` cut from their paths.
  static func messages(_ load: PolicyLoad, relativeTo directory: String) -> [String] {
    load.problems.map { $0.description.replacingOccurrences(of: directory + "/", with: "") }
  }
}
