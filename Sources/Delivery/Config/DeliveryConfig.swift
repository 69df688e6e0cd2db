import Foundation
import Messages
import Policy

/// How retries back off and when a row is given up on.
public struct RetryPolicy: Sendable, Hashable {
  /// The first retry's delay.
  public var first: TimeInterval
  /// The longest delay between attempts.
  public var maxDelay: TimeInterval
  /// A row older than this is dead-lettered instead of retried.
  public var maxAge: TimeInterval
  /// Relative jitter (0.2: ±20%).
  public var jitter: Double

  /// A policy; defaults: 30 s doubling up to 1 h, dead after 2 days, ±20% jitter.
  public init(
    first: TimeInterval = 30, maxDelay: TimeInterval = 3600, maxAge: TimeInterval = 172_800,
    jitter: Double = 0.2
  ) {
    self.first = first
    self.maxDelay = maxDelay
    self.maxAge = maxAge
    self.jitter = jitter
  }
}

/// The delivery part of `/etc/visitd/visitd.toml`: receivers, routes, retries, quiet hours, templates.
public struct DeliveryConfig: Sendable {
  /// Receivers by name (`console` always exists).
  public var receivers: [String: ReceiverConfig]
  /// Routes, most specific first when looked up.
  public var routes: [Route]
  /// Retry and dead-letter policy.
  public var retry: RetryPolicy
  /// Quiet hours for messages that are not urgent, nil for none.
  public var quietHours: QuietHours?
  /// The zone quiet hours and half hours are read in.
  public var zone: TimeZone
  /// A directory of `.mustache` overrides, nil for the shipped templates only.
  public var templates: String?
  /// Per-request timeout, seconds.
  public var timeout: TimeInterval
  /// How long a claim or a send may take before another worker takes the row over.
  public var lease: TimeInterval
  /// Whether the vendors' rate budgets and the Feishu half-hour guard apply (off for benchmarks).
  public var rateLimits: Bool
  /// The web app's address (`[web] base_url`), which messages cut to a channel's limit link to; nil for none.
  public var webBaseURL: String? = nil

  /// The configuration when nothing is configured: everything to the console.
  public static let console = DeliveryConfig(
    receivers: ["console": ReceiverConfig(name: "console", kind: .console)], routes: [], retry: RetryPolicy(),
    quietHours: nil, zone: TimeZone(identifier: "Asia/Shanghai")!, templates: nil, timeout: 10, lease: 120,
    rateLimits: true)

  /// Every secret of every receiver, for redaction.
  public var secrets: [Secret] { receivers.values.flatMap(\.secrets) }

  /// Whether a receiver writes calendars (`wecom-calendar`): then the daemon pushes planned visits.
  public var writesCalendars: Bool { receivers.values.contains { $0.kind.writesCalendars } }

  /// The receiver serving `audience` of `project`: an exact route, else a `*` route, else the console.
  public func receiver(project: String?, audience: Audience) -> String {
    let matching = routes.filter { $0.audiences.contains(audience) }
    if let project, let exact = matching.first(where: { $0.project == project }) { return exact.receiver }
    return matching.first { $0.project == "*" }?.receiver ?? "console"
  }

  /// The receiver that sends `message`: its route's receiver when that reaches the message's person (or, for a
  /// group message, its group), else the receiver's fallback, and so on; a personal message never goes to a
  /// group. The error says why nothing can send it.
  public func destination(for message: OutboxMessage) -> Result<String, DeliveryError> {
    if case .plannedVisit = message.content { return calendar(for: message) }
    var name = receiver(project: message.project, audience: message.audience)
    var tried: [String] = []
    while let config = receivers[name], !tried.contains(name) {
      tried.append(name)
      switch config.kind.writesCalendars ? .nobody : config.kind.addressing(message.recipient) {
      case .person: return .success(name)
      case .group where !message.personal: return .success(name)
      case .group, .nobody: break
      }
      guard let fallback = config.fallback else { break }
      name = fallback
    }
    guard let last = tried.last, let config = receivers[last] else {
      return .failure(DeliveryError("no receiver named \(name)"))
    }
    let person = message.recipient.map { "\($0.person)" } ?? "this message"
    if let column = config.kind.personColumn, config.kind.addressing(message.recipient) == .nobody {
      return .failure(
        DeliveryError(
          "\(person) has no \(column) in stewards.csv for receiver \(tried.joined(separator: " → "))"
            + " and no fallback reaches them"))
    }
    return .failure(
      DeliveryError(
        "\(person): a personal message (a sign-in link) goes to its person only, never to a group such as "
          + "receiver \(last)"))
  }

  /// A planned visit goes to the first calendar receiver (by name) that reaches its person, and nowhere else:
  /// routes and fallbacks are for messages to read.
  private func calendar(for message: OutboxMessage) -> Result<String, DeliveryError> {
    let calendars = receivers.keys.sorted().filter { receivers[$0]?.kind.writesCalendars == true }
    if let name = calendars.first(where: { receivers[$0]?.kind.addressing(message.recipient) == .person }) {
      return .success(name)
    }
    let person = message.recipient?.person ?? "this planned visit"
    return .failure(
      DeliveryError(
        calendars.isEmpty
          ? "\(person): a planned visit goes to a wecom-calendar receiver, and none is configured"
          : "\(person) has no wecom in stewards.csv for receiver \(calendars.joined(separator: ", "))"))
  }
}
