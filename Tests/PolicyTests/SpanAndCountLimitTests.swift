import Foundation
import Testing

@testable import Policy

/// Spans and counts a loop repeats by or plans that many of: zero and overlarge ones are refused with
/// their line, so that the daemon cannot spin or overflow (issue 16).
@Suite("Span and count limits")
struct SpanAndCountLimitTests {
  private static let rule = Support.ruleHead

  private func problems(_ name: String, _ text: String) throws -> [String] {
    try Support.problems(name, text)
  }

  @Test func aRepeatOfZeroDaysIsRefusedAtItsLine() throws {
    let shipped = try String(contentsOfFile: Support.shippedRules + "/schedules.toml", encoding: .utf8)
    let text = shipped.replacingOccurrences(of: "repeat-every = \"1 day\"", with: "repeat-every = \"0 days\"")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.hasPrefix("repeat-every") }) + 1
    #expect(
      try problems("schedules.toml", text) == [
        "schedules.toml:\(line): [[schedule]][2].repeat-every: '0 days' never moves on; "
          + "expected a span of at least 1 day"
      ])
  }

  @Test func aSpanTooLargeForDateArithmeticIsRefused() throws {
    let text =
      "grace = \"9223372036854775807 years\"\n" + Self.rule + "[trigger]\nquota = \"1 per quarter\"\n"
    #expect(
      try problems("r.toml", text) == [
        "r.toml:1: grace: '9223372036854775807 years': too large; expected a count of at most 10000"
      ])
  }

  @Test func aQuotaTooLargeToPlanIsRefused() throws {
    let text = Self.rule + "[trigger]\nquota = \"1000000000 per year\"\n"
    #expect(
      try problems("r.toml", text) == [
        "r.toml:10: [trigger].quota: '1000000000 per year': a count of 1000000000; expected at most 1000"
      ])
  }
}
