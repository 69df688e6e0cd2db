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
  /// Mail through `sendmail -t -i`.
  case mail(sendmail: String, from: String, to: [String])
  /// The journal (or stderr).
  case console
}

/// A named receiver from `[receiver.NAME]`.
public struct ReceiverConfig: Sendable, Hashable {
  /// The name routes refer to.
  public var name: String
  /// How it is reached.
  public var kind: ReceiverKind

  /// A receiver.
  public init(name: String, kind: ReceiverKind) {
    self.name = name
    self.kind = kind
  }

  /// The vendor's rate budget (none for webhook, mail and console).
  public var budget: RateBudget {
    switch kind {
    case .weCom, .dingTalk: .chatRobot
    case .feishu: .feishu
    case .webhook, .mail, .console: .unlimited
    }
  }

  /// Every secret it holds, for redaction.
  public var secrets: [Secret] {
    switch kind {
    case .weCom(_, let key, _): [key]
    case .dingTalk(_, let token, let secret, _): [token] + (secret.map { [$0] } ?? [])
    case .feishu(_, let token, let secret): [token] + (secret.map { [$0] } ?? [])
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
