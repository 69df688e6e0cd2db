import Foundation
import Planner
import Policy
import Store

/// Records facts and re-plans the households they concern in the same transaction, so a visit and the tasks it
/// settles are stored together.
public struct FactRecording: Sendable {
  /// The store written to.
  public let store: any FactStore
  /// The rules the write re-plans with; nil writes the facts only and leaves the plan stale (the daemon or
  /// the next listing plans then).
  public let rules: RuleSet?
  /// The instant the write happens at.
  public let clock: Date

  /// Recording into `store` at `clock`, re-planning with `rules` when given.
  public init(store: any FactStore, rules: RuleSet?, clock: Date) {
    self.store = store
    self.rules = rules
    self.clock = clock
  }

  /// The re-plan hook of a write: the affected households re-planned in the write's transaction.
  public var replanHook: ReplanHook? {
    guard let rules else { return nil }
    let planning = StoredPlanning(rules: rules, clock: clock)
    return { summary, before, reader in try planning.afterWrite(summary, before: before, reader) }
  }

  /// Writes `batch` with its re-plan (everything rolled back when `dryRun`, which also skips the re-plan).
  public func record(_ batch: FactBatch, dryRun: Bool = false) throws -> RecordedFacts {
    let (summary, update) = try store.write(batch, dryRun: dryRun, replan: dryRun ? nil : replanHook)
    return RecordedFacts(summary: summary, update: update, visits: batch.visits.map(\.visit))
  }

  /// Reads a folder of fact files into the store as one change with one re-plan; nothing is written when any
  /// file has an issue.
  public func importFolder(_ folder: String, encoding: TextEncoding?, dryRun: Bool) throws
    -> FolderImportResult
  {
    // Household codes are needed only to check visits against them (1,000,000 of them take a while).
    let context = try importContext(withHouseholds: FolderImporter.kinds(in: folder).contains(.visits))
    return try FolderImporter(folder: folder, context: context).importInto(
      store, encoding: encoding, dryRun: dryRun, replan: dryRun ? nil : replanHook)
  }

  /// Reads one fact file's bytes (named `fileName` in messages) and, when no row has an issue, records them.
  public func importFile(
    _ kind: FactFileKind, bytes: [UInt8], fileName: String, encoding: TextEncoding?, dryRun: Bool
  ) throws -> (outcome: ImportOutcome, recorded: RecordedFacts?) {
    let context = try importContext(withHouseholds: kind == .visits)
    let outcome = FactImporter(kind: kind, fileName: fileName, context: context).read(
      bytes: bytes, encoding: encoding)
    guard outcome.issues.isEmpty else { return (outcome, nil) }
    return (outcome, try record(outcome.batch, dryRun: dryRun))
  }

  /// What rows are checked against: the store's catalog, the clock, the rules' dimensions and categories.
  func importContext(withHouseholds: Bool) throws -> ImportContext {
    let catalog = try store.catalog(withHouseholds: withHouseholds)
    guard let settings = rules?.settings else { return ImportContext(catalog: catalog, now: clock) }
    return ImportContext(
      catalog: catalog, now: clock, dimensions: settings.dimensions, categories: settings.feedbackCategories)
  }
}

/// What a fact write changed: the summary, the re-plan stored with it, and what it means for the tasks.
public struct RecordedFacts: Sendable {
  /// Rows added and updated, the households to re-plan, whether it was a dry run.
  public let summary: WriteSummary
  /// The re-plan stored with the write; nil when none was made (no valid rules, a dry run).
  public let update: PlanUpdate?
  /// The visits the write recorded.
  public let visits: [Visit]

  /// What a write of `visits` changed, with the re-plan stored with it.
  public init(summary: WriteSummary, update: PlanUpdate?, visits: [Visit]) {
    self.summary = summary
    self.update = update
    self.visits = visits
  }

  /// The tasks the write settled.
  public var settled: [VisitTask] { changed(.settled) }

  /// The tasks the write opened (created).
  public var opened: [VisitTask] { changed(.created) }

  /// The reached visits that settled no task: a visit that counts for nothing should say so.
  public var visitsSettlingNothing: [Visit] {
    let settling = Set(
      settled.compactMap { task -> String? in
        if case .visit(let id, _, _) = task.settlement { return id }
        return nil
      })
    return visits.filter { $0.outcome == .reached && !settling.contains($0.id) }
  }

  private func changed(_ kind: TaskChange.Kind) -> [VisitTask] {
    (update?.changes ?? []).filter { $0.kind == kind }.map(\.task)
  }
}
