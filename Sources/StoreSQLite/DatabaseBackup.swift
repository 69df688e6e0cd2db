import Foundation
import GRDB
import Store

/// What a database file holds, as a backup, a restore and `visitctl doctor` report it.
public struct DatabaseInspection: Sendable, Equatable {
  /// The file's size in bytes (its -wal aside).
  public let size: Int64
  /// What `PRAGMA integrity_check` and `foreign_key_check` found; empty when the file is sound.
  public let problems: [String]
  /// The migrations applied to it, in order.
  public let migrations: [String]
  /// The migrations it has that this version does not know (it was written by a newer visitd).
  public let unknownMigrations: [String]
  /// The migrations this version has that it lacks (the daemon applies them at its start).
  public let pendingMigrations: [String]
  /// The number of households it holds.
  public let households: Int

  /// The last migration applied, `none` for a file without visitd's schema.
  public var schemaVersion: String { migrations.last ?? "none" }

  /// Whether it is a sound visitd database this version can open: sound, with visitd's schema, none newer.
  public var isUsable: Bool { problems.isEmpty && !migrations.isEmpty && unknownMigrations.isEmpty }
}

/// Online backups and restores of the database file, and its inspection.
public enum DatabaseBackup {
  /// The migrations this version knows, in order.
  public static var knownMigrations: [String] { Schema.migrator.migrations }

  /// Inspects the database at `path` without writing to it; throws when it is missing or is not a database.
  public static func inspect(_ path: String) throws -> DatabaseInspection {
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError("\(path): no such file")
    }
    let queue = try openReading(path)
    return try queue.read { db in try inspect(db, size: fileSize(path)) }
  }

  /// Copies the database at `source` into `destination` with SQLite's online backup API (one consistent
  /// snapshot, while writers go on), through a temporary file of mode 0600 beside it renamed into place;
  /// refuses to replace an existing `destination` unless `replacing`. Returns what was written.
  @discardableResult
  public static func backup(from source: String, to destination: String, replacing: Bool = false) throws
    -> DatabaseInspection
  {
    guard FileManager.default.fileExists(atPath: source) else {
      throw StoreError("no database at \(source)")
    }
    if !replacing && FileManager.default.fileExists(atPath: destination) {
      throw StoreError("\(destination) exists; give --force to replace it")
    }
    let temporary = try privateTemporaryFile(beside: destination)
    do {
      let reader = try openReading(source)
      let inspection: DatabaseInspection = try {
        let target = try DatabaseQueue(path: temporary, configuration: plainConfiguration)
        try reader.backup(to: target)
        // One self-contained file: no -wal beside it to forget when it is copied elsewhere.
        return try target.writeWithoutTransaction { db in
          _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
          return try inspect(db, size: 0)
        }
      }()
      guard inspection.problems.isEmpty else {
        throw StoreError("the copy failed its integrity check: \(inspection.problems.prefix(3))")
      }
      try sync(temporary)
      try moveIntoPlace(temporary, destination)
      return DatabaseInspection(
        size: fileSize(destination), problems: [], migrations: inspection.migrations,
        unknownMigrations: inspection.unknownMigrations, pendingMigrations: inspection.pendingMigrations,
        households: inspection.households)
    } catch {
      unlink(temporary)
      throw error
    }
  }

  /// Puts the backup at `backup` in place of the database at `database` (which no process may have open):
  /// checks it first, keeps the current file (with its -wal and -shm) as `<database>.before-restore-<stamp>`,
  /// and renames a private copy into place. Returns the backup's inspection and where the old file was kept.
  public static func restore(_ backup: String, to database: String, at clock: Date = Date()) throws
    -> (restored: DatabaseInspection, kept: String?)
  {
    let inspection: DatabaseInspection
    do {
      inspection = try inspect(backup)
    } catch {
      throw StoreError("\(backup) is not a database: \(error)")
    }
    guard inspection.problems.isEmpty else {
      throw StoreError(
        "\(backup) fails its integrity check: \(inspection.problems.prefix(3).joined(separator: "; "))")
    }
    guard !inspection.migrations.isEmpty else {
      throw StoreError("\(backup) is not a visitd database (no migrations recorded)")
    }
    guard inspection.unknownMigrations.isEmpty else {
      throw StoreError(
        "\(backup) was written by a newer visitd (migrations "
          + "\(inspection.unknownMigrations.joined(separator: ", ")) unknown here); upgrade visitd first")
    }
    let temporary = try privateTemporaryFile(beside: database)
    do {
      try copyContents(of: backup, to: temporary)
      try sync(temporary)
    } catch {
      unlink(temporary)
      throw error
    }
    var kept: String?
    if FileManager.default.fileExists(atPath: database) {
      let stamp = stampFormatter().string(from: clock)
      let old = "\(database).before-restore-\(stamp)"
      guard link(database, old) == 0 else {
        let reason = String(cString: strerror(errno))
        unlink(temporary)
        throw StoreError("cannot keep the current database as \(old): \(reason)")
      }
      kept = old
      // Its -wal and -shm go with it: a stale -wal beside the restored file would be replayed into it.
      for suffix in ["-wal", "-shm"] where FileManager.default.fileExists(atPath: database + suffix) {
        guard rename(database + suffix, old + suffix) == 0 else {
          let reason = String(cString: strerror(errno))
          unlink(temporary)
          throw StoreError("cannot move \(database + suffix) aside: \(reason)")
        }
      }
    }
    try moveIntoPlace(temporary, database)
    return (inspection, kept)
  }

  private static func stampFormatter() -> DateFormatter {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss"
    return formatter
  }

  private static var plainConfiguration: Configuration {
    var configuration = Configuration()
    configuration.busyMode = .timeout(60)
    return configuration
  }

  private static func openReading(_ path: String) throws -> DatabaseQueue {
    SQLiteStore.configureSQLite
    var configuration = plainConfiguration
    configuration.readonly = true
    do {
      return try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      // A WAL file whose -shm cannot be created here: no writer has it open, read it as unchanging.
      let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
      guard let immutable = try? DatabaseQueue(path: uri, configuration: configuration) else { throw error }
      return immutable
    }
  }

  private static func inspect(_ db: Database, size: Int64) throws -> DatabaseInspection {
    let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
    guard integrity.isEmpty else {
      return DatabaseInspection(
        size: size, problems: integrity, migrations: [], unknownMigrations: [], pendingMigrations: [],
        households: 0)
    }
    let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
    let migrations =
      try db.tableExists("grdb_migrations")
      ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") : []
    let known = knownMigrations
    let households =
      try db.tableExists("household") ? try Int.fetchOne(db, sql: "SELECT count(*) FROM household") ?? 0 : 0
    return DatabaseInspection(
      size: size, problems: keys, migrations: migrations,
      unknownMigrations: migrations.filter { !known.contains($0) },
      pendingMigrations: migrations.isEmpty ? known : known.filter { !migrations.contains($0) },
      households: households)
  }

  private static func fileSize(_ path: String) -> Int64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
  }

  /// A new empty file of mode 0600 in `target`'s folder.
  private static func privateTemporaryFile(beside target: String) throws -> String {
    let folder = (target as NSString).deletingLastPathComponent
    let name = ".\((target as NSString).lastPathComponent).tmp-\(getpid())-\(UUID().uuidString.prefix(8))"
    let path = folder.isEmpty ? name : folder + "/" + name
    let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StoreError("cannot create \(path): \(String(cString: strerror(errno)))")
    }
    fchmod(descriptor, 0o600)
    close(descriptor)
    return path
  }

  private static func copyContents(of source: String, to destination: String) throws {
    guard let input = FileHandle(forReadingAtPath: source),
      let output = FileHandle(forWritingAtPath: destination)
    else { throw StoreError("cannot copy \(source) to \(destination)") }
    defer {
      try? input.close()
      try? output.close()
    }
    while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
      try output.write(contentsOf: chunk)
    }
  }

  private static func sync(_ path: String) throws {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw StoreError("cannot open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    guard fsync(descriptor) == 0 else {
      throw StoreError("cannot sync \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// Renames `temporary` over `target` and syncs their folder, so the rename survives a crash.
  private static func moveIntoPlace(_ temporary: String, _ target: String) throws {
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw StoreError("cannot rename \(temporary) to \(target): \(reason)")
    }
    let folder = (target as NSString).deletingLastPathComponent
    let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if descriptor >= 0 {
      fsync(descriptor)
      close(descriptor)
    }
  }
}
