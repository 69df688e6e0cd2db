import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import Store
import Systemd

/// `visitd`: the long-running service that keeps every plan current and fires the policy's schedules.
struct VisitdCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visitd",
    abstract: "Plan, remind and audit owner visits (run by systemd as visitd.service).")

  @Option(
    name: .customLong("rules"), help: "A rules directory; repeatable, later ones override earlier ones.")
  var rulesDirectories: [String] = []

  @Option(help: "The SQLite database (default: $STATE_DIRECTORY/visitd.sqlite, else ./var/visitd.sqlite).")
  var db: String?

  @Option(help: "The control socket (default: $RUNTIME_DIRECTORY/control.sock, else beside the database).")
  var controlSocket: String?

  @Option(help: "The receivers file (default: /etc/visitd/visitd.toml; absent: everything to the journal).")
  var deliveryConfig: String?

  @Flag(help: "Load generated demo facts when the database holds no household.")
  var demoIfEmpty = false

  func run() async throws {
    let environment = ProcessInfo.processInfo.environment
    LogSetup.bootstrap(environment: environment)
    let logger = Logger(label: "visitd")
    let settings = DaemonSettings(
      rulesDirectories: rulesDirectories, databasePath: db, controlSocket: controlSocket,
      demoIfEmpty: demoIfEmpty, deliveryConfig: deliveryConfig, environment: environment)
    let daemon = try DaemonService(settings: settings, logger: logger)
    let group = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [
          .init(service: daemon)
        ],
        gracefulShutdownSignals: [.sigterm, .sigint],
        logger: logger))
    try await group.run()
  }
}
