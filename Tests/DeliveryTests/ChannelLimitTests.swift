import Foundation
import Messages
import Testing

@testable import Delivery

/// Every robot message fits its vendor's limit with Chinese text: whole lines from the top, then how many items
/// were left out and the web app's page, never a line or a character cut in two.
@Suite struct ChannelLimitTests {
  /// A transport that is never called: these tests read request bodies only.
  private struct Unused: HTTPTransport {
    func post(url: String, headers: [(String, String)], body: Data, timeout: TimeInterval) async throws
      -> HTTPReply
    { HTTPReply(status: 500, body: Data()) }

    func get(url: String, headers: [(String, String)], timeout: TimeInterval) async throws -> HTTPReply {
      HTTPReply(status: 500, body: Data())
    }
  }

  private let link = "https://visit.example.com/stewards/S1/overdue"

  /// A steward's overdue digest of `count` Chinese lines (about 150 bytes each), most overdue first, under a
  /// heading.
  private func message(_ count: Int, link: String? = nil) -> RenderedMessage {
    let lines = (1...count).map {
      "- 3栋-\($0)-1201 欧阳先生/女士 138****5678 · 年度入户走访 · 入户 · 应于 2026-11-\($0 % 28 + 1) 前完成，已逾期 \(200 - $0) 天"
    }
    return RenderedMessage(
      title: "【逾期回访】李娜：\(count) 项逾期（2026-11-27）", body: (["已逾期："] + lines).joined(separator: "\n"),
      mentions: ["lina"], key: "overdue:steward:S1:2026-11-27", link: link)
  }

  /// The text field of a JSON request body at `path`.
  private func field(_ body: Data, _ path: [String]) throws -> String {
    var object: Any = try JSONSerialization.jsonObject(with: body)
    for key in path { object = try #require((object as? [String: Any])?[key]) }
    return try #require(object as? String)
  }

  /// Lines kept are the message's own, whole and in order; the last says how many items are left out.
  private func expectWholeLinesThenMarker(_ text: String, of message: RenderedMessage, link: String?) throws {
    let original = message.text.split(separator: "\n").map(String.init)
    let lines = text.split(separator: "\n").map(String.init)
    let marker = try #require(lines.last { $0.hasPrefix("…还有 ") })
    let index = try #require(lines.firstIndex(of: marker))
    let kept = Array(lines[..<index])
    #expect(kept == Array(original.prefix(kept.count)), "whole lines, from the top")
    let shownItems = kept.filter { $0.hasPrefix("- ") }.count
    let allItems = original.filter { $0.hasPrefix("- ") }.count
    #expect(marker == "…还有 \(allItems - shownItems) 项未列出" + (link.map { "，详见 \($0)" } ?? ""))
    #expect(shownItems > 5, "the budget is used, not thrown away")
  }

  @Test(arguments: [false, true])
  func weComTextFitsIn2048Bytes(linked: Bool) throws {
    let message = message(184, link: linked ? link : nil)
    let channel = WeComChannel(
      name: "w", baseURL: "http://127.0.0.1", key: Secret("k"), markdown: false, transport: Unused(),
      timeout: 1)
    let content = try field(channel.body(message), ["text", "content"])
    #expect(content.utf8.count <= VendorLimits.weComText)
    #expect(content.utf8.count > VendorLimits.weComText - 200, "close to the limit")
    try expectWholeLinesThenMarker(content, of: message, link: message.link)
  }

  @Test(arguments: [false, true])
  func weComMarkdownFitsIn4096BytesWithTitleAndMention(linked: Bool) throws {
    let message = message(184, link: linked ? link : nil)
    let channel = WeComChannel(
      name: "w", baseURL: "http://127.0.0.1", key: Secret("k"), markdown: true, transport: Unused(),
      timeout: 1)
    let content = try field(channel.body(message), ["markdown", "content"])
    #expect(content.utf8.count <= VendorLimits.weComMarkdown)
    #expect(content.hasPrefix("**【逾期回访】李娜：184 项逾期（2026-11-27）**\n已逾期：\n- 3栋-1-1201"))
    #expect(content.hasSuffix("\n<@lina>"))
    let body = String(
      content.dropFirst("**【逾期回访】李娜：184 项逾期（2026-11-27）**\n".count).dropLast("\n<@lina>".count))
    try expectWholeLinesThenMarker(
      "【逾期回访】李娜：184 项逾期（2026-11-27）\n" + body, of: message, link: message.link)
  }

  @Test(arguments: [false, true])
  func dingTalkRequestsStayWithin20000Bytes(markdown: Bool) throws {
    let message = message(400, link: link)
    let channel = DingTalkChannel(
      name: "d", baseURL: "http://127.0.0.1", token: Secret("t"), secret: nil, markdown: markdown,
      transport: Unused(), timeout: 1)
    let body = channel.body(message)
    #expect(body.count <= VendorLimits.dingTalkBody)
    #expect(body.count > VendorLimits.dingTalkBody - 400, "close to the limit")
    if markdown {
      let text = try field(body, ["markdown", "text"])
      #expect(text.hasSuffix(" @lina"))
      let inner = String(text.dropFirst("### ".count).dropLast(" @lina".count))
      try expectWholeLinesThenMarker(inner, of: message, link: link)
    } else {
      try expectWholeLinesThenMarker(try field(body, ["text", "content"]), of: message, link: link)
    }
  }

  @Test func feishuRequestsStayWithin20KBSignedAndMentioning() throws {
    let message = message(400, link: link)
    let channel = FeishuChannel(
      name: "f", baseURL: "http://127.0.0.1", token: Secret("t"), secret: Secret("s"), transport: Unused(),
      timeout: 1)
    let body = channel.body(message, now: Date(timeIntervalSince1970: 1_700_000_000))
    #expect(body.count <= VendorLimits.feishuBody)
    #expect(body.count > VendorLimits.feishuBody - 400, "close to the limit")
    let text = try field(body, ["content", "text"])
    #expect(text.hasSuffix("<at user_id=\"lina\"></at>"))
    try expectWholeLinesThenMarker(
      String(text.dropLast("<at user_id=\"lina\"></at>".count)), of: message, link: link)
    #expect(try field(body, ["sign"]).isEmpty == false)
  }

  @Test func aMessageWithinEveryLimitIsSentWhole() throws {
    let message = message(5, link: link)
    let weCom = WeComChannel(
      name: "w", baseURL: "http://127.0.0.1", key: Secret("k"), markdown: false, transport: Unused(),
      timeout: 1)
    let dingTalk = DingTalkChannel(
      name: "d", baseURL: "http://127.0.0.1", token: Secret("t"), secret: nil, markdown: false,
      transport: Unused(), timeout: 1)
    #expect(try field(weCom.body(message), ["text", "content"]) == message.text)
    #expect(try field(dingTalk.body(message), ["text", "content"]) == message.text)
    #expect(!message.text.contains("还有"))
  }

  @Test func mailCarriesTheWholeMessage() throws {
    let message = message(400, link: link)
    let mime = MIMEMessage(from: "a@example.com", to: ["b@example.com"], message: message, date: Date()).text
    let encoded = try #require(mime.components(separatedBy: "\n\n").last)
    let decoded = try #require(
      Data(base64Encoded: encoded.replacingOccurrences(of: "\n", with: "")).map {
        String(decoding: $0, as: UTF8.self)
      })
    #expect(decoded == message.text)
  }
}
