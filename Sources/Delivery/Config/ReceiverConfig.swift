import Messages
import Policy

/// How one receiver is reached.
public enum ReceiverKind: Sendable, Hashable {
  /// A WeCom group robot.
  case weCom(baseURL: String, key: Secret, markdown: Bool)
  /// A DingTalk custom robot.
  case dingTalk(baseURL: String, token: Secret, secret: Secret?, markdown: Bool)
  /// A Feishu custom bot.
  case feishu(baseURL: String, token: Secret, secret: Secret?)
  /// The company's own webhook.
  case webhook(url: String, secret: Secret?, signatureHeader: String)
  /// WeCom application messages (应用消息) to one member.
  case weComApp(baseURL: String, corpID: String, agentID: Int, secret: Secret, markdown: Bool)
  /// WeCom calendar entries (日程, `oa/schedule/add`) in one member's calendar, for planned visits only.
  case weComCalendar(baseURL: String, corpID: String, agentID: Int, secret: Secret)
  /// DingTalk work notifications (工作通知) to one user.
  case dingTalkApp(baseURL: String, appKey: String, appSecret: Secret, agentID: Int, markdown: Bool)
  /// Feishu messages from the company's app to one user.
  case feishuApp(baseURL: String, appID: String, appSecret: Secret)
  /// Mail through `sendmail -t -i`: to the message's person when it has an address, else to `to`.
  case mail(sendmail: String, from: String, to: [String])
  /// The journal (or stderr).
  case console
}

/// Whom a receiver would reach with one message.
public enum Addressing: Sendable, Hashable {
  /// The message's own person.
  case person
  /// A group: a robot's chat, a shared mailbox, the journal.
  case group
  /// Nobody: the receiver sends to persons only and the message has no id for it.
  case nobody
}

extension ReceiverKind {
  /// Whom a message for `recipient` (nil: a group message) reaches through this receiver.
  public func addressing(_ recipient: Recipient?) -> Addressing {
    switch self {
    case .weComApp, .weComCalendar: recipient?.wecom == nil ? .nobody : .person
    case .dingTalkApp: recipient?.dingtalk == nil ? .nobody : .person
    case .feishuApp: recipient?.feishu == nil ? .nobody : .person
    case .mail(_, _, let to): recipient?.email != nil ? .person : to.isEmpty ? .nobody : .group
    case .weCom, .dingTalk, .feishu, .webhook, .console: .group
    }
  }

  /// Whether the receiver writes calendars: it takes planned visits, and nothing else goes to it.
  var writesCalendars: Bool {
    if case .weComCalendar = self { return true }
    return false
  }

  /// The stewards.csv column a person needs for this receiver, nil for group receivers.
  var personColumn: String? {
    switch self {
    case .weComApp, .weComCalendar: "wecom"
    case .dingTalkApp: "dingtalk"
    case .feishuApp: "feishu"
    case .mail: "email"
    case .weCom, .dingTalk, .feishu, .webhook, .console: nil
    }
  }
}

/// A named receiver from `[receiver.NAME]`.
public struct ReceiverConfig: Sendable, Hashable {
  /// The name routes refer to.
  public var name: String
  /// How it is reached.
  public var kind: ReceiverKind
  /// The receiver a message goes to when this one cannot reach its person (`fallback = "NAME"`), nil for none.
  public var fallback: String?

  /// A receiver.
  public init(name: String, kind: ReceiverKind, fallback: String? = nil) {
    self.name = name
    self.kind = kind
    self.fallback = fallback
  }

  /// The vendor's rate budget (none for webhook, mail and console).
  public var budget: RateBudget {
    switch kind {
    case .weCom, .dingTalk: .chatRobot
    case .feishu: .feishu
    case .weComApp, .weComCalendar, .dingTalkApp, .feishuApp, .webhook, .mail, .console: .unlimited
    }
  }

  /// Every secret it holds, for redaction.
  public var secrets: [Secret] {
    switch kind {
    case .weCom(_, let key, _): [key]
    case .dingTalk(_, let token, let secret, _): [token] + (secret.map { [$0] } ?? [])
    case .feishu(_, let token, let secret): [token] + (secret.map { [$0] } ?? [])
    case .weComApp(_, _, _, let secret, _), .weComCalendar(_, _, _, let secret): [secret]
    case .dingTalkApp(_, _, let secret, _, _), .feishuApp(_, _, let secret): [secret]
    case .webhook(_, let secret, _): secret.map { [$0] } ?? []
    case .mail, .console: []
    }
  }
}

/// Which receiver serves a project (or `*`, every project) for some audiences.
public struct Route: Sendable, Hashable {
  /// A project id, or `*`.
  public var project: String
  /// The audiences it serves.
  public var audiences: [Audience]
  /// The receiver's name.
  public var receiver: String

  /// A route.
  public init(project: String, audiences: [Audience], receiver: String) {
    self.project = project
    self.audiences = audiences
    self.receiver = receiver
  }
}
