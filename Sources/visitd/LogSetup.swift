import Logging
import Systemd

/// Sends logs to the journal under systemd and to standard error otherwise.
enum LogSetup {
  /// Bootstraps swift-log once, deciding from `$JOURNAL_STREAM` where logs go.
  static func bootstrap(environment: [String: String]) {
    let destination = LogDestination.detect(environment: environment)
    let level = environment["VISITD_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    LoggingSystem.bootstrap { label in
      var handler: any LogHandler
      switch destination {
      case .journal: handler = JournalLogHandler(identifier: "visitd")
      case .standardError: handler = StreamLogHandler.standardError(label: label)
      }
      handler.logLevel = level
      return handler
    }
  }
}
