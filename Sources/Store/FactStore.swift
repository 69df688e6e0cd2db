import Foundation
import Planner

/// The re-plan hook of a write: the write's summary, the plan stamp before it and a reader that sees it, to the
/// task changes to store (nil: not re-planned, the stored plan is then stale).
public typealias ReplanHook = (WriteSummary, PlanStamp, any FactReading) throws -> PlanUpdate?

/// Persistence of facts and tasks: what every use case needs from a database, whichever it is.
public protocol FactStore: Sendable {
  /// Runs `body` on one consistent read view.
  func read<T>(_ body: (any FactReading) throws -> T) throws -> T

  /// What the store knows for validation; household codes and tickets only when `withHouseholds`.
  func catalog(withHouseholds: Bool) throws -> Catalog

  /// Writes the batches `next` gives until it gives nil, then stores the plan update `replan` returns, all in
  /// one transaction; an error `next` throws rolls everything back and is rethrown.
  ///
  /// `replan` runs only when households are affected; it gets the summary, the plan stamp before the write and
  /// a reader that sees the write. With `dryRun` everything is rolled back and the summary says what would
  /// change.
  func write(next: () throws -> FactBatch?, dryRun: Bool, replan: ReplanHook?) throws
    -> (summary: WriteSummary, update: PlanUpdate?)

  /// Plans inside a write transaction (so no fact changes meanwhile) and stores the update `body` returns,
  /// stamped as the plan of the facts it read.
  @discardableResult
  func replan(_ body: (any FactReading) throws -> PlanUpdate?) throws -> PlanUpdate?

  /// Lets the store free what it caches after a big read.
  func releaseMemory()

  /// Whether the store was opened for reading only (a read-only file, or a user who may not write it): reads
  /// plan in memory and store nothing.
  var isReadOnly: Bool { get }
}

extension FactStore {
  /// Writes a batch, then stores the update the re-plan hook returns, in one transaction (rolled back when
  /// `dryRun`).
  @discardableResult
  public func write(_ batch: FactBatch, dryRun: Bool = false, replan: ReplanHook?) throws
    -> (summary: WriteSummary, update: PlanUpdate?)
  {
    var pending: FactBatch? = batch
    return try write(
      next: {
        defer { pending = nil }
        return pending
      }, dryRun: dryRun, replan: replan)
  }

  /// Writes a batch in one transaction without re-planning (the stored plan is then stale).
  @discardableResult
  public func write(_ batch: FactBatch, dryRun: Bool = false) throws -> WriteSummary {
    try write(batch, dryRun: dryRun, replan: nil).summary
  }

  /// Every fact, indexed for the planner.
  public func loadFacts() throws -> Facts { try read { try $0.loadFacts() } }

  /// The plan stamp: facts version, and what the stored tasks were planned from.
  public func planStamp() throws -> PlanStamp { try read { try $0.planStamp() } }

  /// The stored tasks, all or one household's, by id.
  public func tasks(household: String?) throws -> [VisitTask] {
    try read { try $0.tasks(household: household) }
  }

  /// One household with its histories, nil when unknown.
  public func household(_ id: String) throws -> Household? {
    try read { try $0.facts(households: [id]).households[id] }
  }
}

/// When each schedule last ran, recorded with the messages the run produced.
public protocol ScheduleRunStore: Sendable {
  /// The last run of a schedule, nil when it never ran.
  func lastRun(schedule: String) throws -> Date?

  /// Records a schedule's run for the elapse `scheduledFor` and enqueues its messages, in one transaction;
  /// returns how many messages were new (a key enqueued before is ignored).
  @discardableResult
  func recordRun(schedule: String, scheduledFor: Date, entries: [OutboxEntry]) throws -> Int
}

/// Everything a daemon keeps in one database: facts and tasks, the outbox, schedule runs, tokens and the access
/// log, the calendar events' revisions.
public typealias Storage = FactStore & OutboxStore & ScheduleRunStore & AccessStore & CalendarEventStore
