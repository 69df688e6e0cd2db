import Foundation
import Messages
import Mustache

/// Renders outbox messages with Mustache templates: the shipped ones, or an admin's overrides.
public struct MessageRenderer: Sendable {
  private let library: MustacheLibrary
  private let webBaseURL: String?

  /// The shipped templates, overridden by `name.mustache` files in `overrides` when given; pages linked under
  /// `webBaseURL` (the web app's address, `[web] base_url`) when given.
  public init(overrides: String? = nil, webBaseURL: String? = nil) throws {
    self.webBaseURL = webBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }.flatMap {
      $0.isEmpty ? nil : $0
    }
    var templates = DefaultTemplates.all
    if let overrides { templates.merge(try Self.read(overrides)) { _, admin in admin } }
    var library = MustacheLibrary()
    for (name, text) in templates {
      do {
        try library.register("{{% CONTENT_TYPE: TEXT}}" + text, named: name)
      } catch {
        throw DeliveryError("template \(name): \(error)")
      }
    }
    self.library = library
  }

  /// The message as a title and a body, under `key`.
  public func render(_ message: OutboxMessage, key: String) throws -> RenderedMessage {
    guard let text = library.render(message.content.model, withTemplate: message.content.template) else {
      throw DeliveryError("no template named \(message.content.template)")
    }
    let lines = text.trimmingCharacters(in: .whitespacesAndNewlines).split(
      separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    return RenderedMessage(
      title: lines.first.map(String.init) ?? "",
      body: lines.count > 1 ? String(lines[1]) : "",
      mentions: message.mentions, attachments: message.attachments, key: key,
      link: webBaseURL.flatMap { base in message.page.map { base + $0 } }, recipient: message.recipient,
      plannedVisit: { if case .plannedVisit(let visit) = message.content { visit } else { nil } }())
  }

  private static func read(_ directory: String) throws -> [String: String] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory)
    var templates: [String: String] = [:]
    for name in names where name.hasSuffix(".mustache") {
      let path = directory + "/" + name
      guard let data = FileManager.default.contents(atPath: path) else {
        throw DeliveryError("cannot read template \(path)")
      }
      templates[String(name.dropLast(".mustache".count))] = String(decoding: data, as: UTF8.self)
    }
    return templates
  }
}
