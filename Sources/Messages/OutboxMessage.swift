import Foundation
import Policy
import Store

/// A CSV report attached to a mail (the webhook carries it too; chat channels leave it out).
public struct ReportAttachment: Codable, Sendable, Hashable {
  /// The file name (`月度汇总-2026-11.csv`).
  public var filename: String
  /// The CSV text (UTF-8, starting with a BOM so that Excel reads it as UTF-8).
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
  /// The one person it is for, when it is for a person rather than a group.
  public var recipient: Recipient?
  /// Whether it may reach its recipient only: never a group robot, never a shared mailbox (sign-in links).
  public var personal: Bool
  /// What it says.
  public var content: MessageContent
  /// CSV reports to attach where the channel can.
  public var attachments: [ReportAttachment]
  /// The web app's page showing all of it (`/stewards/S1/overdue`), linked when a channel's limit cuts the list.
  public var page: String?

  /// A message.
  public init(
    audience: Audience, project: String?, content: MessageContent, urgent: Bool = false,
    mentions: [String] = [], attachments: [ReportAttachment] = [], page: String? = nil,
    recipient: Recipient? = nil, personal: Bool = false
  ) {
    self.audience = audience
    self.project = project
    self.urgent = urgent
    self.mentions = mentions
    self.recipient = recipient
    self.personal = personal
    self.content = content
    self.attachments = attachments
    self.page = page
  }

  private enum CodingKeys: String, CodingKey {
    case audience, project, urgent, mentions, content, attachments, page, recipient, personal
    /// One attachment, as rows written before a message could carry several have it.
    case attachment
  }

  /// Decodes a message; `attachments`, `page`, `recipient` and `personal` may be missing (rows stored before
  /// them).
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    audience = try c.decode(Audience.self, forKey: .audience)
    project = try c.decodeIfPresent(String.self, forKey: .project)
    urgent = try c.decode(Bool.self, forKey: .urgent)
    mentions = try c.decode([String].self, forKey: .mentions)
    content = try c.decode(MessageContent.self, forKey: .content)
    attachments =
      try c.decodeIfPresent([ReportAttachment].self, forKey: .attachments)
      ?? (try c.decodeIfPresent(ReportAttachment.self, forKey: .attachment)).map { [$0] } ?? []
    page = try c.decodeIfPresent(String.self, forKey: .page)
    recipient = try c.decodeIfPresent(Recipient.self, forKey: .recipient)
    personal = try c.decodeIfPresent(Bool.self, forKey: .personal) ?? false
  }

  /// Encodes the message (attachments, the recipient and `personal` only when there are some).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(audience, forKey: .audience)
    try c.encodeIfPresent(project, forKey: .project)
    try c.encode(urgent, forKey: .urgent)
    try c.encode(mentions, forKey: .mentions)
    try c.encode(content, forKey: .content)
    if !attachments.isEmpty { try c.encode(attachments, forKey: .attachments) }
    try c.encodeIfPresent(page, forKey: .page)
    try c.encodeIfPresent(recipient, forKey: .recipient)
    if personal { try c.encode(personal, forKey: .personal) }
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
  /// The CSV reports, if any.
  public var attachments: [ReportAttachment]
  /// The outbox key (the webhook's `Idempotency-Key`).
  public var key: String
  /// The web app page's full address, given where a channel's limit leaves items out; nil when none.
  public var link: String?
  /// The one person it is for, nil for a group message.
  public var recipient: Recipient?
  /// The calendar entry, for a planned visit; channels that write calendars send it instead of the text.
  public var plannedVisit: PlannedVisitNotice?

  /// A rendered message.
  public init(
    title: String, body: String, mentions: [String] = [], attachments: [ReportAttachment] = [], key: String,
    link: String? = nil, recipient: Recipient? = nil, plannedVisit: PlannedVisitNotice? = nil
  ) {
    self.plannedVisit = plannedVisit
    self.recipient = recipient
    self.title = title
    self.body = body
    self.mentions = mentions
    self.attachments = attachments
    self.key = key
    self.link = link
  }

  /// Title and body as one text.
  public var text: String { body.isEmpty ? title : title + "\n" + body }
}
