import Foundation
import Testing

@testable import Delivery

/// Messages fit the vendors' limits line by line, most urgent first, saying how much was left out.
@Suite struct TextLimitTests {
  /// A steward's digest of `count` overdue lines in Chinese, most urgent first.
  private func digest(_ count: Int) -> String {
    (["【逾期】共 \(count) 项，请尽快处理："]
      + (1...count).map { "- 3栋-\($0)-1201 张先生/女士 138****5678 · 年度入户走访 · 入户 · 应于 2026-11-\($0 % 28 + 1) 前完成" })
      .joined(separator: "\n")
  }

  @Test(arguments: [4096, 2048, 10_000])
  func aLongDigestKeepsWholeLinesFromTheTopAndCountsTheRest(limit: Int) {
    let text = digest(184)
    let fitted = TextLimit.truncated(text, bytes: limit)
    #expect(fitted.utf8.count <= limit)
    let original = text.split(separator: "\n")
    let kept = fitted.split(separator: "\n").dropLast()
    #expect(Array(kept) == Array(original.prefix(kept.count)), "whole lines, in order, from the top")
    #expect(fitted.split(separator: "\n").last == "…还有 \(original.count - kept.count) 项未列出")
    #expect(kept.count > 1)
  }

  @Test func aMessageThatFitsIsLeftAlone() {
    let text = digest(3)
    #expect(TextLimit.truncated(text, bytes: 4096) == text)
  }

  @Test func aFirstLineTooLongIsCutAtACharacterNeverInsideOne() {
    let fitted = TextLimit.truncated(String(repeating: "回", count: 2000), bytes: 100)
    #expect(fitted.utf8.count <= 100)
    #expect(fitted.hasSuffix("回…（已截断）"))
    #expect(fitted.dropLast(6).allSatisfy { $0 == "回" })
  }
}
