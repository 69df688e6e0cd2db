import Foundation
import NIOConcurrencyHelpers
import Planner
import PostgresNIO
import Store

/// The shared store: one PostgreSQL database that several processes (and later several nodes) use together.
///
/// Each store holds one connection (see `BlockingConnection` for how the synchronous protocols wait on it). A
/// write or re-plan starts by locking the `plan_state` row, so writers of facts take turns across processes as
/// SQLite's immediate transactions make them; reads run on one repeatable-read snapshot.
public final class PostgresStore: FactStore, ScheduleRunStore {
  /// Where the database is.
  public let location: PostgresLocation
  let connection: BlockingConnection
  /// A PostgreSQL store is always opened for writing (roles and grants decide what a user may do).
  public let isReadOnly = false
  /// When this store last forgot old idempotent answers (see `keepAnswer`).
  let lastAnswerPrune = NIOLockedValueBox<Date?>(nil)
  /// The leader election this store takes part in (see `LeaderElection`).
  let election: PostgresElection

  /// Connects to the database at `location` and migrates it.
  public init(location: PostgresLocation) throws {
    self.location = location
    connection = try BlockingConnection(location)
    election = PostgresElection(location: location)
    try PostgresSchema.migrate(connection)
  }

  /// Connects to the database a `postgres://` URL names and migrates it.
  public convenience init(url: String) throws {
    try self.init(location: PostgresLocation(url: url))
  }

  /// The names of the migrations applied to the database, in order.
  public func appliedMigrations() throws -> [String] { try PostgresSchema.applied(connection) }

  /// The number of rows of each of the store's tables.
  public func rowCounts() throws -> [String: Int] {
    try connection.withSession { session in
      let tables = try session.rows(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> 'schema_migration'"
      ).map { try $0.decode(String.self) }
      var counts: [String: Int] = [:]
      for table in tables {
        counts[table] =
          try session.rows("SELECT count(*) FROM \(unescaped: table)").first?.decode(Int.self) ?? 0
      }
      return counts
    }
  }

  /// Runs `body` on one read snapshot.
  public func read<T>(_ body: (any FactReading) throws -> T) throws -> T {
    try connection.transaction(snapshot: true) { session in try body(PostgresReader(session: session)) }
  }

  /// What the store knows for validation, read anew each time.
  public func catalog(withHouseholds: Bool) throws -> Catalog {
    try connection.transaction(snapshot: true) { session in
      try PostgresCatalogLoader.load(session, withHouseholds: withHouseholds)
    }
  }

  /// Writes the batches `next` gives, then stores the re-plan, all in one transaction (rolled back when
  /// `dryRun`); an error rolls everything back and is rethrown.
  public func write(next: () throws -> FactBatch?, dryRun: Bool, replan: ReplanHook?) throws
    -> (summary: WriteSummary, update: PlanUpdate?)
  {
    try connection.transaction(commit: !dryRun) { session in
      let reader = PostgresReader(session: session)
      let before = try reader.lockedPlanStamp()
      var writer = PostgresFactWriter(
        session: session,
        bulk: try PostgresBulkLoad.begin(PostgresBulkLoad.factTables, alsoLocking: ["task"], session: session)
      )
      while let batch = try next() { try writer.write(batch) }
      var summary = try writer.finish()
      var update: PlanUpdate?
      if let replan, !summary.affectedHouseholds.isEmpty {
        update = try replan(
          summary, before,
          PostgresReader(session: session, firstImport: writer.firstImport, storesFirstPlan: true))
        if let update { try Self.store(update, session: session) }
      }
      summary.dryRun = dryRun
      if !dryRun { try PostgresFactFeed.announce(summary.affectedHouseholds, session: session) }
      return (summary, update)
    }
  }

  /// Plans inside a write transaction that holds the `plan_state` row (so no fact changes meanwhile) and stores
  /// the update `body` returns.
  @discardableResult
  public func replan(_ body: (any FactReading) throws -> PlanUpdate?) throws -> PlanUpdate? {
    try connection.transaction { session in
      let reader = PostgresReader(session: session, storesFirstPlan: true)
      _ = try reader.lockedPlanStamp()
      guard let update = try body(reader) else { return nil }
      try Self.store(update, session: session)
      try election.fence(session)
      return update
    }
  }

  /// Nothing is cached beyond a call.
  public func releaseMemory() {}

  private static func store(_ update: PlanUpdate, session: PostgresSession) throws {
    if !update.tasksStored { try PostgresTaskRows.save(update.changes.map(\.task), session: session) }
    let provisional = update.provisionalYears.map(String.init).joined(separator: ",")
    try session.run(
      """
      UPDATE plan_state SET planned_version = facts_version, rules_digest = \(update.rulesDigest),
        year = \(update.year), provisional_years = \(provisional) WHERE id = 1
      """)
  }

  /// Stores tasks, replacing those with the same ids (outside any plan: tests and repairs).
  public func save(tasks: [VisitTask]) throws {
    try connection.transaction { session in try PostgresTaskRows.save(tasks, session: session) }
  }

  /// Applies task changes in one transaction (outside any plan: tests and repairs).
  public func apply(_ changes: [TaskChange]) throws {
    try save(tasks: changes.map(\.task))
  }

  /// The last run of a schedule.
  public func lastRun(schedule: String) throws -> Date? {
    try connection.withSession { session in
      try session.rows("SELECT last_run FROM schedule_run WHERE schedule = \(schedule)").first
        .map { Date(timeIntervalSince1970: try $0.decode(Double.self)) }
    }
  }

  /// Records a schedule's run and enqueues what it produced in one transaction; returns how many were new.
  ///
  /// An elapse is run once whatever node runs it: when `(schedule, scheduledFor)` is already recorded, nothing
  /// is enqueued and 0 returned. In an election, the write is refused unless this store's term still leads.
  @discardableResult
  public func recordRun(schedule: String, scheduledFor: Date, entries: [OutboxEntry]) throws -> Int {
    let elapse = scheduledFor.timeIntervalSince1970
    return try connection.transaction { session in
      let first = try session.run(
        """
        INSERT INTO schedule_elapse (schedule, elapse, epoch) VALUES (\(schedule), \(elapse), \(election.epoch))
        ON CONFLICT DO NOTHING
        """)
      try session.run(
        """
        INSERT INTO schedule_run (schedule, last_run) VALUES (\(schedule), \(elapse))
        ON CONFLICT (schedule) DO UPDATE SET last_run = greatest(schedule_run.last_run, excluded.last_run)
        """)
      let added = first == 0 ? 0 : try PostgresOutboxRows.enqueue(entries, session: session)
      try election.fence(session)
      return added
    }
  }
}
