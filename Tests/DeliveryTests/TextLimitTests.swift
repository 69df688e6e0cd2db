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

  @Test func aHeadingWhoseItemsAllFellOffIsNotKept() {
    let text =
      (["【3栋】"] + (1...3).map { "- 3栋-\($0) 王先生/女士 · 年度入户 · 入户" } + ["已逾期："]
      + (1...50).map { "- 5栋-\($0) 李先生/女士 · 深度访谈 · 应于 2026-11-20 前完成" }).joined(separator: "\n")
    let link = "https://visit.example.com/stewards/S1/today"
    let marker = "…还有 50 项未列出，详见 \(link)"
    // Room for the heading 已逾期： and the marker, not for the heading's first item.
    let lines = text.split(separator: "\n")
    let budget = lines.prefix(5).joined(separator: "\n").utf8.count + 1 + marker.utf8.count + 10
    let fitted = TextLimit.truncated(text, bytes: budget, link: link)
    #expect(fitted == lines.prefix(4).joined(separator: "\n") + "\n" + marker)
  }

  @Test func theLinkToTheWholeListFollowsTheCount() {
    let link = "https://visit.example.com/projects/P1/overdue"
    let fitted = TextLimit.truncated(digest(184), bytes: 2048, link: link)
    #expect(fitted.utf8.count <= 2048)
    #expect(fitted.split(separator: "\n").last?.hasSuffix("项未列出，详见 \(link)") == true)
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
