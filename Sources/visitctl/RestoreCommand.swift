import ArgumentParser
import Control
import Foundation
import StoreOpening
import StoreSQLite

/// `visitctl restore FILE`: puts a backup in place of the database while the daemon is stopped.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Replace the database with the backup FILE (the daemon stopped); the current one is kept aside."
  )

  @OptionGroup var store: StoreOptions

  @Option(help: "The daemon's control socket (default: beside the database, or in $RUNTIME_DIRECTORY).")
  var socket: String?

  @Argument(help: "The backup file to restore.")
  var file: String

  func run() throws {
    let database = store.resolvedPath
    guard !StoreOpening.isPostgres(database) else {
      throw ValidationError("restore replaces the SQLite file; restore a PostgreSQL database with pg_restore")
    }
    let path =
      socket
      ?? ControlSocket.defaultPath(environment: ProcessInfo.processInfo.environment, databasePath: database)
    guard !ControlSocket.answers(at: path) else {
      standardError(
        "visitctl: visitd is running (its control socket \(path) answers); stop it first: "
          + "systemctl stop visitd; nothing was restored")
      throw ExitCode.failure
    }
    let outcome: (restored: DatabaseInspection, kept: String?)
    do {
      outcome = try DatabaseBackup.restore(file, to: database)
    } catch {
      standardError("visitctl: restore refused: \(error)")
      throw ExitCode.failure
    }
    let (restored, kept) = outcome
    print(
      "restored \(database) from \(file): schema \(restored.schemaVersion), \(restored.households) households"
    )
    if let kept { print("the previous database is kept as \(kept)") }
    if !restored.pendingMigrations.isEmpty {
      print(
        "the daemon applies migrations \(restored.pendingMigrations.joined(separator: ", ")) at its start")
    }
    print("start the daemon again: systemctl start visitd")
  }
}
