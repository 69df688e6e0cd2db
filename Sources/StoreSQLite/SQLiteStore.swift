import CSQLiteConfig
import Foundation
import GRDB
import Planner
import Store
import Synchronization

/// The embedded store: one SQLite file in WAL mode, shared by the daemon and `visitctl` processes.
public final class SQLiteStore: FactStore, ScheduleRunStore {
  /// The database file's path (`:memory:` for a store in memory).
  public let path: String
  let pool: any DatabaseWriter
  private let release: @Sendable () -> Void
  /// Whether the database was opened for reading only.
  public let isReadOnly: Bool
  /// Whether the store never closes a connection while it lives (see `init(path:longRunning:)`).
  let longRunning: Bool
  /// The catalog without households, with the reference tables' version it was read at (see `catalog`).
  private let referenceCatalog = Mutex<(version: Int, catalog: Catalog)?>(nil)
  /// When this store last forgot old idempotent answers (see `keepAnswer`).
  let lastAnswerPrune = Mutex<Date?>(nil)

  /// Opens (creating with mode 0600 when missing) and migrates the database at `path`.
  ///
  /// A `longRunning` store (the daemon's) never closes a connection before it is released: closing one starts
  /// libdispatch's thread pool, whose monitor then wakes the process every second. Its first import into an
  /// empty store then keeps the WAL (see `withRollbackJournalIfEmpty`).
  public init(path: String, longRunning: Bool = false) throws {
    SQLiteStore.configureSQLite
    self.path = path
    self.longRunning = longRunning
    try SQLiteStore.createPrivately(path)
    let pool = try DatabasePool(path: path, configuration: Self.configuration)
    try Schema.migrator.migrate(pool)
    self.pool = pool
    release = { pool.releaseMemory() }
    isReadOnly = false
  }

  /// Opens the existing database at `path` for reading only; throws when it is missing or its schema is not
  /// this version's (a writer migrates it: the daemon at its start).
  public init(readingOnly path: String) throws {
    SQLiteStore.configureSQLite
    self.path = path
    longRunning = false
    guard FileManager.default.fileExists(atPath: path) else {
      throw StoreError("cannot open database \(path): no such file")
    }
    var configuration = Self.configuration
    configuration.readonly = true
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
    } catch {
      // A WAL database whose -wal and -shm files neither exist nor can be created here (a read-only folder):
      // no writer has it open, so it is read as an unchanging file.
      let uri = URL(fileURLWithPath: path).absoluteString + "?immutable=1"
      guard let immutable = try? DatabaseQueue(path: uri, configuration: configuration) else { throw error }
      queue = immutable
    }
    guard try queue.read({ try Schema.migrator.hasCompletedMigrations($0) }) else {
      throw StoreError(
        "database \(path) is read-only here and not migrated to this version's schema; "
          + "start the daemon (or run visitctl as its user) once to migrate it")
    }
    pool = queue
    release = { queue.releaseMemory() }
    isReadOnly = true
  }

  /// Whether this process may write the database at `path` (true when it does not exist yet).
  public static func isWritable(_ path: String) -> Bool {
    access(path, F_OK) != 0 || access(path, W_OK) == 0
  }

  /// A migrated store in memory, gone when released (for tests and simulations).
  public init() throws {
    SQLiteStore.configureSQLite
    path = ":memory:"
    longRunning = false
    let queue = try DatabaseQueue(configuration: Self.configuration)
    try Schema.migrator.migrate(queue)
    pool = queue
    release = { queue.releaseMemory() }
    isReadOnly = false
  }

  private static var configuration: Configuration {
    var config = Configuration()
    config.busyMode = .timeout(60)
    // Reader connections stay open when memory is released: closing one disposes its dispatch queue, whose
    // queue-specific data libdispatch frees on its global pool, and once that pool has a worker its monitor timer
    // wakes the process every second for as long as it lives (an idle daemon makes no system call). Only a
    // store that is not `longRunning` closes them, for a first import (`withRollbackJournalIfEmpty`).
    config.persistentReadOnlyConnections = true
    config.prepareDatabase { db in
      try db.execute(sql: "PRAGMA cache_size = -65536")
      if !db.configuration.readonly { try db.execute(sql: "PRAGMA synchronous = FULL") }
    }
    return config
  }

  /// SQLite's process-wide settings, made once before the first database opens: no memory statistics (they
  /// cost a global mutex per allocation, ~5 % of a bulk import), URI filenames.
  static let configureSQLite: Void = { _ = visitd_sqlite_configure() }()

  /// The names of the migrations applied to the database, in order.
  public func appliedMigrations() throws -> [String] {
    try pool.read { db in try Schema.migrator.appliedMigrations(db) }
  }

  /// Runs `PRAGMA integrity_check` and `foreign_key_check`; returns the problems found.
  public func integrityProblems() throws -> [String] {
    try pool.read { db in
      let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
      let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { "foreign key: \($0)" }
      return integrity + keys
    }
  }

  /// The number of rows of each table.
  public func rowCounts() throws -> [String: Int] {
    try pool.read { db in
      let tables = try String.fetchAll(
        db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      var counts: [String: Int] = [:]
      for table in tables where table != "grdb_migrations" {
        counts[table] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
      }
      return counts
    }
  }

  private static func createPrivately(_ path: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }
    let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw StoreError("cannot open database \(path): \(String(cString: strerror(errno)))")
    }
    close(descriptor)
  }
}

extension SQLiteStore {
  /// Runs `body` on one read snapshot.
  public func read<T>(_ body: (any FactReading) throws -> T) throws -> T {
    try pool.read { db in try body(StoreReader(db: db)) }
  }

  /// What the store knows for validation.
  ///
  /// Without households it is kept between calls while the reference tables' version (bumped by triggers on
  /// every change to projects, stewards and areas, by any process) stays: a request then reads one row instead
  /// of every area and steward (a few milliseconds at 1,000,000 households).
  public func catalog(withHouseholds: Bool) throws -> Catalog {
    try pool.read { db in
      guard !withHouseholds else { return try CatalogLoader.load(db, withHouseholds: true) }
      let version = try Int.fetchOne(db, sql: "SELECT reference_version FROM plan_state WHERE id = 1") ?? -1
      if let cached = referenceCatalog.withLock({ $0 }), cached.version == version { return cached.catalog }
      let catalog = try CatalogLoader.load(db, withHouseholds: false)
      referenceCatalog.withLock { $0 = (version, catalog) }
      return catalog
    }
  }

  /// Writes the batches `next` gives until it gives nil, then stores the re-plan as `write(_:dryRun:replan:)`
  /// does, all in one transaction; an error `next` throws rolls everything back and is rethrown. Into a store
  /// without households the write goes through a rollback journal (see `withRollbackJournalIfEmpty`).
  public func write(
    next: () throws -> FactBatch?, dryRun: Bool,
    replan: ReplanHook?
  ) throws -> (summary: WriteSummary, update: PlanUpdate?) {
    try withRollbackJournalIfEmpty { try writeInTransaction(next: next, dryRun: dryRun, replan: replan) }
  }

  private func writeInTransaction(
    next: () throws -> FactBatch?, dryRun: Bool,
    replan: ReplanHook?
  ) throws -> (summary: WriteSummary, update: PlanUpdate?) {
    try pool.writeWithoutTransaction { db in
      var summary = WriteSummary()
      var update: PlanUpdate?
      try db.inTransaction(.immediate) {
        let reader = StoreReader(db: db)
        let before = try reader.planStamp()
        var writer = try FactWriter(db: db)
        while let batch = try next() { try writer.write(batch) }
        summary = try writer.finish()
        if let replan, !summary.affectedHouseholds.isEmpty {
          update = try replan(
            summary, before, StoreReader(db: db, written: writer.written, storesFirstPlan: true))
          if let update { try Self.store(update, db: db) }
        }
        summary.dryRun = dryRun
        return dryRun ? .rollback : .commit
      }
      return (summary, update)
    }
  }

  /// Plans inside a write transaction (so no fact changes meanwhile) and stores the update `body` returns,
  /// stamped as the plan of the facts it read. A whole plan into an empty task table stores its tasks as it is
  /// made (`StoredPlanning.whole`): `body` returns that plan's update.
  @discardableResult
  public func replan(_ body: (any FactReading) throws -> PlanUpdate?) throws -> PlanUpdate? {
    try pool.write { db in
      guard let update = try body(StoreReader(db: db, storesFirstPlan: true)) else { return nil }
      try Self.store(update, db: db)
      return update
    }
  }

  /// Lets SQLite free the memory its connections cache (after a big read).
  public func releaseMemory() { release() }

  private static func store(_ update: PlanUpdate, db: Database) throws {
    if update.tasksStored {
      // Stored as planned.
    } else if update.changes.count >= TaskRows.bulkThreshold, try TaskRows.isEmpty(db) {
      try TaskRows.bulkLoad(update.changes, db: db)
    } else {
      try TaskRows.apply(update.changes, db: db)
    }
    try db.execute(
      sql: """
        UPDATE plan_state SET planned_version = facts_version, rules_digest = ?, year = ?, provisional_years = ?
        WHERE id = 1
        """,
      arguments: [
        update.rulesDigest, update.year, update.provisionalYears.map(String.init).joined(separator: ","),
      ])
  }

  /// Stores tasks, replacing those with the same ids (outside any plan: tests and repairs).
  public func save(tasks: [VisitTask]) throws {
    try pool.write { db in try TaskRows.save(tasks, db: db) }
  }

  /// Applies task changes in one transaction (outside any plan: tests and repairs).
  public func apply(_ changes: [TaskChange]) throws {
    try pool.write { db in try TaskRows.apply(changes, db: db) }
  }

  /// The last run of a schedule.
  public func lastRun(schedule: String) throws -> Date? {
    try pool.read { db in
      try Double.fetchOne(
        db, sql: "SELECT last_run FROM schedule_run WHERE schedule = ?", arguments: [schedule]
      )
      .map(Date.init(timeIntervalSince1970:))
    }
  }

  /// Records a schedule's run and enqueues what it produced in one transaction; returns how many were new.
  @discardableResult
  public func recordRun(schedule: String, scheduledFor: Date, entries: [OutboxEntry]) throws -> Int {
    try pool.write { db in
      try db.execute(
        sql: """
          INSERT INTO schedule_run (schedule, last_run) VALUES (?, ?)
          ON CONFLICT (schedule) DO UPDATE SET last_run = excluded.last_run
          """, arguments: [schedule, scheduledFor.timeIntervalSince1970])
      return try OutboxRows.enqueue(entries, in: db)
    }
  }
}
