import Foundation
import Messages
import Policy
import Systemd

/// Reads `[delivery]`, `[receiver.NAME]` and `[[route]]` from visitd.toml; every error names file and key.
public struct DeliveryConfigLoader: Sendable {
  /// Where `$CREDENTIALS_DIRECTORY` points.
  public let credentials: Credentials

  /// A loader reading credentials from `environment`.
  public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
    credentials = Credentials(environment: environment)
  }

  /// The configuration in `path`; the console-only default when the file does not exist.
  public func load(path: String = "/etc/visitd/visitd.toml") throws -> DeliveryConfig {
    guard let root = try ConfigValue.load(path: path) else { return .console }
    return try parse(ConfigTable(file: path, path: "", values: root))
  }

  func parse(_ root: ConfigTable) throws -> DeliveryConfig {
    var config = DeliveryConfig.console
    if let settings = try root.table("delivery") { try apply(settings, to: &config) }
    // Only base_url is read here: the rest of [web] belongs to the web app.
    if let web = try root.table("web"), let url = try web.string("base_url") {
      guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
        throw web.error("base_url", "'\(url)' is not an http(s) address")
      }
      config.webBaseURL = url
    }
    if let receivers = try root.table("receiver") {
      for name in receivers.values.keys.sorted() {
        guard let table = try receivers.table(name) else { continue }
        config.receivers[name] = try ReceiverParser(secrets: SecretLoader(credentials: credentials))
          .parse(name: name, table)
      }
    }
    try checkFallbacks(config.receivers, root: root)
    config.routes = try root.tables("route").map { try route($0, receivers: config.receivers) }
    return config
  }

  /// Every `fallback` names a configured receiver, and following fallbacks never comes back to where it began.
  private func checkFallbacks(_ receivers: [String: ReceiverConfig], root: ConfigTable) throws {
    guard let tables = try root.table("receiver") else { return }
    for name in receivers.keys.sorted() {
      guard let table = try tables.table(name) else { continue }
      var seen: Set<String> = [name]
      var next = receivers[name]?.fallback
      while let current = next {
        guard receivers[current] != nil else {
          throw table.error("fallback", "no [receiver.\(current)] is configured")
        }
        guard seen.insert(current).inserted else {
          throw table.error("fallback", "'\(current)' leads back to \(name): fallbacks must not go round")
        }
        next = receivers[current]?.fallback
      }
    }
  }

  private func apply(_ table: ConfigTable, to config: inout DeliveryConfig) throws {
    try table.rejectUnknown(["zone", "templates", "quiet_hours", "timeout", "lease", "rate_limits", "retry"])
    if let zone = try table.string("zone") {
      guard let value = TimeZone(identifier: zone) else {
        throw table.error("zone", "unknown zone '\(zone)'")
      }
      config.zone = value
    }
    config.templates = try table.string("templates")
    config.timeout = try table.duration("timeout") ?? config.timeout
    config.lease = try table.duration("lease") ?? config.lease
    config.rateLimits = try table.bool("rate_limits") ?? true
    if let text = try table.string("quiet_hours") {
      guard let hours = QuietHours(text, zone: config.zone) else {
        throw table.error("quiet_hours", "'\(text)' is not HH:MM-HH:MM")
      }
      config.quietHours = hours
    }
    if let retry = try table.table("retry") { config.retry = try retryPolicy(retry) }
  }

  private func retryPolicy(_ table: ConfigTable) throws -> RetryPolicy {
    try table.rejectUnknown(["first", "max_delay", "max_age", "jitter"])
    var policy = RetryPolicy()
    policy.first = try table.duration("first") ?? policy.first
    policy.maxDelay = try table.duration("max_delay") ?? policy.maxDelay
    policy.maxAge = try table.duration("max_age") ?? policy.maxAge
    policy.jitter = try table.double("jitter") ?? policy.jitter
    guard (0...1).contains(policy.jitter) else { throw table.error("jitter", "must be between 0 and 1") }
    return policy
  }

  private func route(_ table: ConfigTable, receivers: [String: ReceiverConfig]) throws -> Route {
    try table.rejectUnknown(["project", "audience", "receiver"])
    let receiver = try table.requiredString("receiver")
    guard receivers[receiver] != nil else {
      throw table.error("receiver", "no [receiver.\(receiver)] is configured")
    }
    let words = try table.strings("audience") ?? []
    let audiences = try words.map { word in
      guard let audience = Audience(word: word) else {
        throw table.error(
          "audience", "'\(word)' is not one of steward, project-lead (or lead), operations, admin")
      }
      return audience
    }
    guard !audiences.isEmpty else { throw table.error("audience", "is required") }
    return Route(project: try table.string("project") ?? "*", audiences: audiences, receiver: receiver)
  }
}
