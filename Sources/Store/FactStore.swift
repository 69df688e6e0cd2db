import Foundation
import Planner

/// Persistence of facts and tasks; SQLite by default, another database later, same conformance tests.
public protocol FactStore: Sendable {
  /// Every fact, indexed for the planner.
  func loadFacts() throws -> Facts

  /// What the store knows for validation; household codes and tickets only when `withHouseholds`.
  func catalog(withHouseholds: Bool) throws -> Catalog

  /// Runs `body` on one consistent read view.
  func read<T>(_ body: (any FactReading) throws -> T) throws -> T

  /// Writes a batch in one transaction, then stores the plan update `replan` returns in the same one.
  ///
  /// `replan` is the re-plan hook: it gets the summary (the affected households), the plan stamp before the
  /// write and a reader that sees the write, and returns the task changes to store (nil: not re-planned, the
  /// stored plan is then stale). With `dryRun` everything is rolled back and the summary says what would change.
  @discardableResult
  func write(
    _ batch: FactBatch, dryRun: Bool,
    replan: ((WriteSummary, PlanStamp, any FactReading) throws -> PlanUpdate?)?
  ) throws -> (summary: WriteSummary, update: PlanUpdate?)

  /// Plans inside a write transaction and stores the update `body` returns, stamped as current.
  @discardableResult
  func replan(_ body: (any FactReading) throws -> PlanUpdate?) throws -> PlanUpdate?

  /// Stores tasks, replacing those with the same ids.
  func save(tasks: [VisitTask]) throws

  /// Applies task changes (created, settled, …) in one transaction.
  func apply(_ changes: [TaskChange]) throws

  /// The stored tasks, all or those of one household, by id.
  func tasks(household: String?) throws -> [VisitTask]

  /// The last run of a schedule, nil when it never ran.
  func lastRun(schedule: String) throws -> Date?

  /// Records a schedule's run.
  func recordRun(schedule: String, at: Date) throws
}

extension FactStore {
  /// Writes a batch in one transaction, without re-planning.
  @discardableResult
  public func write(_ batch: FactBatch, dryRun: Bool = false) throws -> WriteSummary {
    try write(batch, dryRun: dryRun, replan: nil).summary
  }
}
