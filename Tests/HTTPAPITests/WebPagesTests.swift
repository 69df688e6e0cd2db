import Foundation
import Store
import Testing

@testable import HTTPAPI

/// The page templates an admin overrides by name (`[http] templates`), and a broken one named at start.
@Suite struct WebPagesTests {
  private func folder(_ files: [String: String]) throws -> String {
    let path = NSTemporaryDirectory() + "visitd-pages-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(toFile: "\(path)/\(name)", atomically: true, encoding: .utf8) }
    return path
  }

  @Test("a template in the folder replaces the shipped one of its name; the others stay")
  func override() throws {
    let path = try folder([
      "message.mustache": "{{<layout}}{{$main}}<p class=\"ours\">{{text}}</p>{{/main}}{{/layout}}"
    ])
    defer { try? FileManager.default.removeItem(atPath: path) }
    let pages = try WebPages(overrides: path)
    let html = pages.html("message", ["title": "标题", "text": "我们自己的页面"])
    #expect(html.contains("<p class=\"ours\">我们自己的页面</p>"))
    #expect(html.contains("<html lang=\"zh-CN\">"), "the shipped layout around it")
  }

  @Test("a template that does not parse is refused, naming its file")
  func broken() throws {
    let path = try folder(["today.mustache": "{{#sections}} never closed"])
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect {
      try WebPages(overrides: path)
    } throws: { error in
      "\(error)".contains("\(path)/today.mustache")
    }
    #expect(throws: WebPagesError.self) { try WebPages(overrides: path + "/missing") }
  }
}
