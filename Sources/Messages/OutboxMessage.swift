import Foundation
import Policy
import Store

/// A CSV report attached to a mail (other channels mention it only).
public struct ReportAttachment: Codable, Sendable, Hashable {
  /// The file name (`summary-2026-11.csv`).
  public var filename: String
  /// The CSV text (UTF-8).
  public var csv: String

  /// An attachment.
  public init(filename: String, csv: String) {
    self.filename = filename
    self.csv = csv
  }
}

/// What the daemon puts in the outbox: who it is for and what it says; rendered and routed when sent.
public struct OutboxMessage: Codable, Sendable, Hashable {
  /// Who it is for.
  public var audience: Audience
  /// The project it concerns, nil for company-wide messages.
  public var project: String?
  /// Urgent messages ignore quiet hours.
  public var urgent: Bool
  /// Chat user ids to mention (WeCom user ids, DingTalk user ids), never phone numbers.
  public var mentions: [String]
  /// What it says.
  public var content: MessageContent
  /// A CSV report to attach where the channel can.
  public var attachment: ReportAttachment?
  /// The web app's page showing all of it (`/stewards/S1/overdue`), linked when a channel's limit cuts the list.
  public var page: String?

  /// A message.
  public init(
    audience: Audience, project: String?, content: MessageContent, urgent: Bool = false,
    mentions: [String] = [], attachment: ReportAttachment? = nil, page: String? = nil
  ) {
    self.audience = audience
    self.project = project
    self.urgent = urgent
    self.mentions = mentions
    self.content = content
    self.attachment = attachment
    self.page = page
  }

  /// The outbox entry for this message under a deterministic key (`digest:{steward}:{date}`).
  public func entry(key: String, notBefore: Date) throws -> OutboxEntry {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: try encoder.encode(self), as: UTF8.self)
    return OutboxEntry(key: key, audience: audience.rawValue, payload: json, notBefore: notBefore)
  }

  /// Decodes a stored payload.
  public static func decode(_ payload: String) throws -> OutboxMessage {
    try JSONDecoder().decode(OutboxMessage.self, from: Data(payload.utf8))
  }
}

/// A message ready for a channel: a title (mail subject, heading) and a body.
public struct RenderedMessage: Sendable, Hashable {
  /// The first line of the template's output.
  public var title: String
  /// The rest, plain text (Markdown-friendly).
  public var body: String
  /// Chat user ids to mention.
  public var mentions: [String]
  /// The CSV report, if any.
  public var attachment: ReportAttachment?
  /// The outbox key (the webhook's `Idempotency-Key`).
  public var key: String
  /// The web app page's full address, given where a channel's limit leaves items out; nil when none.
  public var link: String?

  /// A rendered message.
  public init(
    title: String, body: String, mentions: [String] = [], attachment: ReportAttachment? = nil, key: String,
    link: String? = nil
  ) {
    self.title = title
    self.body = body
    self.mentions = mentions
    self.attachment = attachment
    self.key = key
    self.link = link
  }

  /// Title and body as one text.
  public var text: String { body.isEmpty ? title : title + "\n" + body }
}
