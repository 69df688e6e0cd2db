import ArgumentParser
import Control
import Systemd

/// `visitctl version`: the version and the systemd the machine runs.
struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version", abstract: "Print the version and whether systemd is the init system.")

  func run() {
    print("visitctl \(Release.version)")
    print("systemd: \(SystemdEnvironment.isBooted ? "booted" : "not the init system")")
  }
}
