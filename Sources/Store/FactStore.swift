import Foundation
import Planner

/// Persistence of facts and tasks; SQLite by default, another database later, same conformance tests.
public protocol FactStore: Sendable {
  /// Every fact, indexed for the planner.
  func loadFacts() throws -> Facts

  /// What the store knows for validation; household codes and tickets only when `withHouseholds`.
  func catalog(withHouseholds: Bool) throws -> Catalog

  /// Writes a batch in one transaction, then applies the task changes `replan` returns in the same one.
  ///
  /// `replan` is the re-plan hook: it gets the summary (the affected households) and returns the
  /// task changes to store. With `dryRun` everything is rolled back and the summary says what would change.
  @discardableResult
  func write(
    _ batch: FactBatch, dryRun: Bool, replan: ((WriteSummary) throws -> [TaskChange])?
  ) throws -> WriteSummary

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
    try write(batch, dryRun: dryRun, replan: nil)
  }
}
