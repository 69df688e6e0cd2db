import Control
import Foundation
import Policy
import Store
import StoreSQLite

/// Where the daemon finds its rules, database and control socket.
struct DaemonSettings: Sendable {
  /// The rule directories in override order.
  let rulesDirectories: [String]
  /// The SQLite database file.
  let databasePath: String
  /// The control socket path.
  let controlSocket: String
  /// Whether to load demo facts into an empty database.
  let demoIfEmpty: Bool
  /// The receivers file (`/etc/visitd/visitd.toml`; absent means everything goes to the journal).
  let deliveryConfig: String
  /// The process environment (credentials directory, state and runtime directories).
  let environment: [String: String]
  /// This node's name in the leader lease of a shared database.
  let node: String

  /// Settings from the command line, falling back to systemd's directories, then to the checkout.
  init(
    rulesDirectories: [String], databasePath: String?, controlSocket: String?, demoIfEmpty: Bool,
    deliveryConfig: String?, environment: [String: String], node: String
  ) {
    self.rulesDirectories = RuleSource.resolve(rulesDirectories).source.directories
    self.databasePath = DatabaseLocation.path(explicit: databasePath, environment: environment)
    self.controlSocket =
      controlSocket ?? ControlSocket.defaultPath(environment: environment, databasePath: self.databasePath)
    self.demoIfEmpty = demoIfEmpty
    self.deliveryConfig = deliveryConfig ?? "/etc/visitd/visitd.toml"
    self.environment = environment
    self.node = node
  }
}
