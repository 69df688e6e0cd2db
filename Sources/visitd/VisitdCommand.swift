import ArgumentParser
import Control
import Delivery
import Foundation
import HTTPAPI
import Logging
import Metrics
import Operations
import Prometheus
import ServiceLifecycle
import Store
import StoreOpening
import StoreSQLite
import Systemd

/// `visitd`: the long-running service that keeps every plan current and fires the policy's schedules.
struct VisitdCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visitd",
    abstract: "Plan, remind and audit owner visits (run by systemd as visitd.service).",
    version: Release.version)

  @Option(
    name: .customLong("rules"),
    help: ArgumentHelp(
      "A rules directory; repeatable, later ones override earlier ones (default: the shipped rules, "
        + "<bindir>/../share/visitd/rules or /usr/share/visitd/rules, then /etc/visitd/rules).",
      valueName: "dir"))
  var rulesDirectories: [String] = []

  @Option(
    help: ArgumentHelp(
      "The database: an SQLite file or postgres://USER@HOST[:PORT]/DB (default: `database` in visitd.toml, "
        + "else $STATE_DIRECTORY/visitd.sqlite, else ./var/visitd.sqlite)."))
  var db: String?

  @Option(help: "The control socket (default: $RUNTIME_DIRECTORY/control.sock, else beside the database).")
  var controlSocket: String?

  @Option(help: "The receivers file (default: /etc/visitd/visitd.toml; absent: everything to the journal).")
  var deliveryConfig: String?

  @Option(
    help: ArgumentHelp(
      "This node's name when several share a PostgreSQL database (default: HOSTNAME/PID).", valueName: "name")
  )
  var node: String?

  @Flag(help: "Load generated demo facts when the database holds no household.")
  var demoIfEmpty = false

  @Option(
    help: ArgumentHelp(
      "Serve the HTTP API on HOST:PORT (default: the socket systemd passes, else [http] listen in visitd.toml).",
      valueName: "host:port"))
  var listen: String?

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    LogSetup.bootstrap(environment: environment)
    let logger = Logger(label: "visitd")
    let registry = PrometheusCollectorRegistry()
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    let configured =
      try db ?? DatabaseSettingLoader().database(path: deliveryConfig ?? "/etc/visitd/visitd.toml")
    let settings = DaemonSettings(
      rulesDirectories: rulesDirectories, databasePath: configured, controlSocket: controlSocket,
      demoIfEmpty: demoIfEmpty, deliveryConfig: deliveryConfig, environment: environment,
      node: node ?? Leadership.defaultNode())
    let address = try listenAddress(settings)
    let rules = RulesInForce(nil)
    let startup = APIStartup()
    let ticketSecret =
      try address == nil
      ? nil : HTTPSettingsLoader(environment: environment).ticketSecret(path: settings.deliveryConfig)
    let pages =
      try address == nil
      ? nil
      : WebPages(
        overrides: try HTTPSettingsLoader(environment: environment).pageTemplates(
          path: settings.deliveryConfig))
    // The request page sends links under [web] base_url; without it the page says self-service is off.
    let delivery =
      try address == nil
      ? nil : DeliveryConfigLoader(environment: environment).load(path: settings.deliveryConfig)
    let signInRequests = delivery.flatMap { config in
      config.webBaseURL.map { SignInRequest(delivery: SignInDelivery(baseURL: $0, zone: config.zone)) }
    }
    let daemon = try DaemonService(
      settings: settings, rules: rules, logger: logger,
      openStore: { try StoreOpening.open(settings.databasePath, longRunning: true) },
      opened: { store, daemon in
        guard address != nil else { return }
        try startup.open(
          APIEnvironment(
            store: store, rules: rules, clock: { Date() }, factsChanged: { daemon.factsChanged($0) },
            logger: logger, metrics: registry, ticketSecret: ticketSecret?.value, pages: pages,
            signInRequests: signInRequests))
      })
    var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: daemon)]
    if let address {
      // The API failing to listen ends the daemon: a unit that says it serves must serve. Until the database
      // is open it answers 503.
      services.append(.init(service: APIServer(address: address, startup: startup, logger: logger)))
    }
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: services,
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    try await group.run()
  }

  /// Where the API listens: the socket systemd passed, else `--listen`, else `[http] listen`; nil: no API.
  private func listenAddress(_ settings: DaemonSettings) throws -> ListenAddress? {
    if let socket = ListenSockets.takeStreams().first { return .socket(socket) }
    let configured = try listen ?? HTTPSettingsLoader().listen(path: settings.deliveryConfig)
    guard let configured else { return nil }
    guard let address = ListenAddress(parsing: configured) else {
      throw ValidationError("listen address '\(configured)' is not HOST:PORT (e.g. 127.0.0.1:8740)")
    }
    return address
  }
}
