import Store
import StorePostgres
import StoreSQLite

/// Opens the store a location names, for the programs: the one place that picks a backend.
public enum StoreOpening {
  /// Whether `location` names a PostgreSQL database (`postgres://…`) rather than an SQLite file.
  public static func isPostgres(_ location: String) -> Bool { PostgresLocation.isPostgres(location) }

  /// The store at `location`: PostgreSQL for a `postgres://USER@HOST[:PORT]/DB` URL, else the SQLite file at
  /// that path. Either is created and migrated when needed; an SQLite file this user may not write opens for
  /// reading only unless `writing`. A `longRunning` SQLite store is the daemon's (see `SQLiteStore`).
  public static func open(_ location: String, writing: Bool = true, longRunning: Bool = false) throws
    -> any Storage
  {
    if isPostgres(location) { return try PostgresStore(url: location) }
    if !writing && !SQLiteStore.isWritable(location) { return try SQLiteStore(readingOnly: location) }
    return try SQLiteStore(path: location, longRunning: longRunning)
  }
}
