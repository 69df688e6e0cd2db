import Foundation
import Logging
import NIOPosix
import Operations
import Policy
import Prometheus
import Store
import Synchronization

/// The rules in force, replaced when the daemon reloads them.
public final class RulesInForce: Sendable {
  private let current: Mutex<RuleSet?>

  /// Rules in force from the start (nil until valid rules are loaded).
  public init(_ rules: RuleSet?) { current = Mutex(rules) }

  /// Puts `rules` in force.
  public func set(_ rules: RuleSet) { current.withLock { $0 = rules } }

  /// The rules in force now.
  public var rules: RuleSet? { current.withLock { $0 } }
}

/// What the API's operations work on: the store, the rules, the clock, and whom to tell that facts changed.
public struct APIEnvironment: Sendable {
  /// The database.
  public let store: any Storage
  /// The rules in force.
  public let rules: RulesInForce
  /// The clock.
  public let clock: @Sendable () -> Date
  /// Called with the households a write changed, after it is stored.
  public let factsChanged: @Sendable ([String]) -> Void
  /// Where requests that fail on the server's side are logged.
  public let logger: Logger
  /// The registry `/metrics` shows (the one swift-metrics was bootstrapped with); nil: no `/metrics`.
  public let metrics: PrometheusCollectorRegistry?
  /// The secret the ticket system signs its calls with (`[http] ticket_secret`); nil: they are refused.
  public let ticketSecret: String?
  /// The web app's page templates (the shipped ones unless `[http] templates` overrides some).
  public let pages: WebPages
  /// Sends people new sign-in links from the web app's request page; nil without `[web] base_url`.
  public let signInRequests: SignInRequest?

  /// An environment of these parts.
  public init(
    store: any Storage, rules: RulesInForce, clock: @escaping @Sendable () -> Date,
    factsChanged: @escaping @Sendable ([String]) -> Void, logger: Logger,
    metrics: PrometheusCollectorRegistry?, ticketSecret: String? = nil, pages: WebPages? = nil,
    signInRequests: SignInRequest? = nil
  ) {
    self.signInRequests = signInRequests
    self.pages = pages ?? .shipped
    self.metrics = metrics
    self.ticketSecret = ticketSecret
    self.store = store
    self.rules = rules
    self.clock = clock
    self.factsChanged = factsChanged
    self.logger = logger
  }

  /// The rules in force, or 503 while there are none.
  func requireRules() throws -> RuleSet {
    guard let rules = rules.rules else {
      throw Problem(
        .serviceUnavailable, "No rules", detail: "no valid rules are loaded; see `visitctl rules check`")
    }
    return rules
  }

  /// Runs `body` (which blocks on the database) on a thread of its own, off the threads that serve requests.
  func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
  }
}
