import ArgumentParser
import Control
import Foundation
import Store

/// `visitctl reload`: asks the running daemon to re-read its rules.
struct ReloadCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "reload",
    abstract: "Ask the running daemon to re-read its rules (like systemctl reload visitd).")

  @OptionGroup var store: StoreOptions

  @Option(help: "The daemon's control socket (default: beside the database, or in $RUNTIME_DIRECTORY).")
  var socket: String?

  func run() throws {
    let path =
      socket
      ?? ControlSocket.defaultPath(
        environment: ProcessInfo.processInfo.environment,
        databasePath: DatabaseLocation.path(explicit: store.path))
    guard ControlSocket.send(.reload, to: path) else {
      FileHandle.standardError.write(
        Data("visitctl: no daemon listens on \(path); nothing was reloaded\n".utf8))
      throw ExitCode.failure
    }
    print("reload requested from the daemon at \(path)")
  }
}
