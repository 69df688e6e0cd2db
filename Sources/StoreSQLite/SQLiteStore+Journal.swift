import GRDB
import Store

extension SQLiteStore {
  /// Runs a write with a rollback journal instead of the WAL while the store holds no household and no task, and
  /// with the WAL as usual otherwise.
  ///
  /// A first import then writes each page once, into the database file (the journal keeps the pre-images of an
  /// almost empty file), instead of into the WAL and again when it is checkpointed: ~3 s of a million-household
  /// import. The WAL is back once the write ends. A crash meanwhile leaves a hot journal, which SQLite rolls
  /// back when the database is next opened. Other processes' reads wait for the write instead of seeing the
  /// store as it was; with a store that holds no household there is little for them to read.
  ///
  /// A `longRunning` store keeps the WAL: the switch needs its idle reader connections closed.
  func withRollbackJournalIfEmpty<T>(_ write: () throws -> T) throws -> T {
    guard try !longRunning && switchJournal(to: "delete", onlyIfEmpty: true) else { return try write() }
    defer { _ = try? switchJournal(to: "wal", onlyIfEmpty: false) }
    return try write()
  }

  /// Sets the journal mode (unless `onlyIfEmpty` and the store holds a household or a task); whether it is set.
  private func switchJournal(to mode: String, onlyIfEmpty: Bool) throws -> Bool {
    guard try !onlyIfEmpty || isEmpty() else { return false }
    // The mode changes only while no other connection reads: close this process's idle readers.
    (pool as? DatabasePool)?.invalidateReadOnlyConnections()
    return try pool.writeWithoutTransaction { db in
      guard try !onlyIfEmpty || Self.isEmpty(db) else { return false }
      return try String.fetchOne(db, sql: "PRAGMA journal_mode = \(mode)") == mode
    }
  }

  private func isEmpty() throws -> Bool {
    try pool.writeWithoutTransaction { try Self.isEmpty($0) }
  }

  private static func isEmpty(_ db: Database) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT NOT EXISTS (SELECT 1 FROM household) AND NOT EXISTS (SELECT 1 FROM task)") == true
  }
}
