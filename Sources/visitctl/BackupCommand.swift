import ArgumentParser
import Control
import Foundation
import StoreOpening
import StoreSQLite

/// `visitctl backup FILE`: a consistent copy of the database, taken while the daemon runs.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy the database to FILE (mode 0600) with SQLite's online backup, while the daemon runs.")

  @OptionGroup var store: StoreOptions

  @Argument(help: "The backup file to write.")
  var file: String

  @Flag(help: "Replace FILE when it exists.")
  var force = false

  func run() throws {
    guard !StoreOpening.isPostgres(store.resolvedPath) else {
      throw ValidationError("backup copies the SQLite file; back a PostgreSQL database up with pg_dump")
    }
    let written: DatabaseInspection
    do {
      written = try DatabaseBackup.backup(from: store.resolvedPath, to: file, replacing: force)
    } catch {
      standardError("visitctl: backup failed: \(error)")
      throw ExitCode.failure
    }
    print(
      "wrote \(file): \(ByteSize.text(written.size)), schema \(written.schemaVersion), "
        + "\(written.households) households")
  }
}
