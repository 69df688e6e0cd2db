import CalendarSpec
import Foundation
import Testing

/// Parses random and mutated calendar expressions and spans: no crash, no input slower than a second,
/// and every rejection names the wrong part of what was written (issue 16). `VISITD_FUZZ_ITERATIONS`
/// sets the number of inputs (default 2,000); the seed is fixed, so a failure comes back the same.
@Suite struct CalendarFuzzTests {
  static let iterations =
    ProcessInfo.processInfo.environment["VISITD_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 2_000

  private static let base = Date(timeIntervalSince1970: 1_767_225_600)
  private static let tokens = [
    "*", "-", ":", "..", ",", "/", "~", "@", " ", "  ", "+", ".", "0", "1", "2", "9", "12", "15", "23", "29",
    "31", "59", "60", "2026", "2199", "2200", "1970", "Mon", "fri", "Sunday", "UTC", " UTC", " Asia/Shanghai",
    " right/UTC", " posix/", "daily", "weekly", "minutely", "\t", "\u{0}", "é", "99999999999999999999",
  ]

  @Test func randomExpressionsNeverCrashHangOrLoseThePart() {
    var random = SeededRandom(seed: 16)
    var slowest = Duration.zero
    var accepted = 0
    for iteration in 0..<Self.iterations {
      let expression = Self.expression(iteration, &random)
      let elapsed = ContinuousClock().measure {
        do throws(CalendarSpecError) {
          let event = try CalendarEvent(parsing: expression)
          accepted += 1
          _ = Array(event.elapses(after: Self.base, in: TimeZone(identifier: "Europe/Berlin")!).prefix(3))
        } catch {
          #expect(error.expression == expression)
          #expect(
            error.part == expression || (!error.part.isEmpty && expression.contains(error.part)),
            "input \(iteration) '\(expression)': \(error)")
        }
        _ = try? CalendarSpan(parsing: expression)
      }
      slowest = max(slowest, elapsed)
      #expect(elapsed < .seconds(1), "input \(iteration) '\(expression)' took \(elapsed)")
    }
    print("calendar fuzzing: \(Self.iterations) inputs, \(accepted) accepted, slowest \(slowest)")
  }

  private static func expression(_ iteration: Int, _ random: inout SeededRandom) -> String {
    if iteration % 2 == 0, let fixture = Fixtures.elapses.randomElement(using: &random)?.expression {
      var characters = Array(fixture)
      for _ in 0...random.below(3) where !characters.isEmpty {
        let at = random.below(characters.count)
        switch random.below(3) {
        case 0: characters[at] = tokens[random.below(tokens.count)].first ?? "*"
        case 1: characters.insert(contentsOf: tokens[random.below(tokens.count)], at: at)
        default: characters.remove(at: at)
        }
      }
      return String(characters)
    }
    return (0..<random.below(8)).map { _ in tokens[random.below(tokens.count)] }.joined()
  }
}

/// SplitMix64 as a `RandomNumberGenerator`, so that a fuzz failure can be replayed.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A number in 0..<bound.
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
