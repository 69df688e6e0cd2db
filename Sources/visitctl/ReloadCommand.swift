import ArgumentParser
import Control
import Foundation
import StoreSQLite

/// `visitctl reload`: asks the running daemon to re-read its rules.
struct ReloadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reload",
    abstract: "Ask the running daemon to re-read its rules (like systemctl reload visitd).")

  @OptionGroup var store: StoreOptions

  @OptionGroup var rules: RulesOptions

  @Option(help: "The daemon's control socket (default: beside the database, or in $RUNTIME_DIRECTORY).")
  var socket: String?

  func run() throws {
    let path =
      socket
      ?? ControlSocket.defaultPath(
        environment: ProcessInfo.processInfo.environment,
        databasePath: DatabaseLocation.path(explicit: store.path))
    // The daemon keeps its previous rules when the new ones are invalid and cannot answer a datagram: check
    // them here first, so that a reload the daemon would refuse prints every problem and fails.
    if FileManager.default.fileExists(atPath: path) { _ = try rules.load() }
    guard ControlSocket.send(.reload, to: path) else {
      FileHandle.standardError.write(
        Data("visitctl: no daemon listens on \(path); nothing was reloaded\n".utf8))
      throw ExitCode.failure
    }
    print("reload requested from the daemon at \(path)")
  }
}
