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

  /// The receiver serving `audience` of `project`: an exact route, else a `*` route, else the console.
  public func receiver(project: String?, audience: Audience) -> String {
    let matching = routes.filter { $0.audiences.contains(audience) }
    if let project, let exact = matching.first(where: { $0.project == project }) { return exact.receiver }
    return matching.first { $0.project == "*" }?.receiver ?? "console"
  }
}
