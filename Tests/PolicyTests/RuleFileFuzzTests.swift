import Foundation
import Testing

@testable import Policy

/// Loads mutated shipped rule files, random bytes and deep nesting: no crash, no input slower than a
/// second, and every problem names its file and a line or a key (issue 16). `VISITD_FUZZ_ITERATIONS`
/// sets the number of inputs (default 2,000); the seed is fixed, so a failure comes back the same.
@Suite("Rule file fuzzing")
struct RuleFileFuzzTests {
  static let iterations =
    ProcessInfo.processInfo.environment["VISITD_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2_000

  private static let shipped: [(name: String, text: String)] = {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: Support.shippedRules)) ?? []
    return names.filter { $0.hasSuffix(".toml") }.sorted().compactMap { name in
      (try? String(contentsOfFile: Support.shippedRules + "/" + name, encoding: .utf8)).map { (name, $0) }
    }
  }()

  @Test func mutatedRuleFilesNeverCrashHangOrLoseTheirPlace() throws {
    #expect(Self.shipped.count >= 10)
    let settings = try #require(Self.shipped.first { $0.name == "settings.toml" }).text
    let directory = try Support.directory(["settings.toml": settings])
    var random = FuzzRandom(seed: 16)
    var slowest = Duration.zero
    var rejected = 0
    for iteration in 0..<Self.iterations {
      let (name, bytes) = Self.input(iteration, &random)
      let path = (directory as NSString).appendingPathComponent(name)
      Self.store(bytes, at: path)
      var load: PolicyLoad?
      let elapsed = ContinuousClock().measure {
        load = PolicyLoader.load(RuleSource(directories: [directory]))
      }
      slowest = max(slowest, elapsed)
      #expect(elapsed < .seconds(1), "input \(iteration) (\(name)) took \(elapsed)")
      for problem in load?.problems ?? [] {
        #expect(
          Self.isPlaced(problem),
          "input \(iteration): \(problem)")
      }
      if load?.ruleSet == nil { rejected += 1 }
      if name == "settings.toml" {
        Self.store(Array(settings.utf8), at: path)
      } else {
        try FileManager.default.removeItem(atPath: path)
      }
    }
    print("rule file fuzzing: \(Self.iterations) inputs, \(rejected) rejected, slowest \(slowest)")
  }

  /// Writes without the fsync `Data.write` does, which took most of the test's time.
  private static func store(_ bytes: [UInt8], at path: String) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    close(descriptor)
  }

  /// Whether a problem names its file and a line or a key; a missing (or emptied, so masked) file has
  /// neither, and says so.
  private static func isPlaced(_ problem: PolicyProblem) -> Bool {
    !problem.file.isEmpty
      && (problem.line != nil || problem.key != nil || problem.message.hasPrefix("not found (or masked)"))
  }

  /// One input: mostly a mutated shipped file, sometimes random bytes, TOML punctuation or deep nesting.
  private static func input(_ iteration: Int, _ random: inout FuzzRandom) -> (String, [UInt8]) {
    let file = shipped[random.below(shipped.count)]
    switch iteration % 10 {
    case 0: return ("r.toml", (0..<random.below(2_000)).map { _ in UInt8(random.below(256)) })
    case 1: return ("r.toml", Array(deepNesting(&random).utf8))
    case 2:
      return ("r.toml", (0..<random.below(300)).map { _ in punctuation[random.below(punctuation.count)] })
    default:
      var bytes = Array(file.text.utf8)
      for _ in 0...random.below(4) { mutate(&bytes, &random) }
      return (file.name, bytes)
    }
  }

  private static func deepNesting(_ random: inout FuzzRandom) -> String {
    let depth = 1 + random.below(200)
    switch random.below(4) {
    case 0: return "[" + Array(repeating: "k", count: depth).joined(separator: ".") + "]\nx = 1\n"
    case 1: return Array(repeating: "k", count: depth).joined(separator: ".") + " = 1\n"
    case 2: return "x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    default:
      return "x = " + String(repeating: "{ a = ", count: depth) + "1" + String(repeating: " }", count: depth)
    }
  }

  private static let punctuation = Array("[]{}=\"'.,#\n\\ 0123456789-:aZ".utf8)
  private static let syntax = punctuation + [0x00, 0xFF, 0xC3, 0xE4]

  private static func mutate(_ bytes: inout [UInt8], _ random: inout FuzzRandom) {
    guard !bytes.isEmpty else { return }
    let at = random.below(bytes.count)
    switch random.below(6) {
    case 0: bytes[at] = syntax[random.below(syntax.count)]
    case 1: bytes.insert(syntax[random.below(syntax.count)], at: at)
    case 2: bytes.removeSubrange(at..<min(bytes.count, at + 1 + random.below(40)))
    case 3:
      bytes.insert(
        contentsOf: bytes[at..<min(bytes.count, at + random.below(80))], at: random.below(bytes.count))
    case 4: bytes.removeSubrange(at...)
    default: bytes[at] = UInt8(random.below(256))
    }
  }
}

/// SplitMix64: a small deterministic generator, so that a fuzz failure can be replayed.
struct FuzzRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in 0..<bound.
  mutating func below(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
  }
}
