import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// Keeps the stored tasks the plan of the stored facts: the whole plan, or some households against their
/// projects' stored tasks (which keep their planned months).
public struct StoredPlanning: Sendable {
  /// Above this many households a write re-plans everything rather than household by household.
  public static let scopedLimit = 20_000

  /// The planner of the clock's year.
  public let planner: Planner
  /// The clock planned at.
  public let clock: Date

  /// Planning with `rules` at `clock`, over `year` (the clock's in the rules' zone by default).
  public init(rules: RuleSet, clock: Date, year: Int? = nil) {
    planner = Planner(rules: rules, year: year ?? LocalDate(clock, in: rules.settings.timeZone).year)
    self.clock = clock
  }

  /// The whole plan of what `reader` sees, with the facts it was made from.
  public struct Whole {
    /// Every fact.
    public let facts: Facts
    /// The plan at the clock.
    public let plan: Plan
    /// What changed against the stored tasks.
    public let update: PlanUpdate
  }

  /// Plans every household over the stored tasks.
  ///
  /// Inside a store's write into an empty task table, the tasks are stored project by project as they are
  /// planned, overlapping storing with planning; the update then says so and only counts its changes.
  public func whole(_ reader: any FactReading) throws -> Whole {
    let planner = self.planner(after: try reader.planStamp())
    let facts = try reader.loadFacts()
    let clock = planningClock(facts)
    let all = try reader.tasks(household: nil)
    let stored = planner.restore(all.filter(planner.overlaps), facts: facts, at: clock)
    guard var load = try reader.firstPlanLoad() else {
      let plan = planner.plan(facts, at: clock, previous: stored)
      // Tasks of earlier years are in no plan of this one: the clock alone closes their ended quotas (missed).
      let closed = planner.datedChanges(all.filter { !planner.overlaps($0) }, facts: facts, at: clock)
      return Whole(facts: facts, plan: plan, update: update(plan.changes(since: stored) + closed))
    }
    var update = update([])
    let plan = try planner.plan(facts, at: clock, previous: stored) { project in
      try load.insert(project)
      update.countStored(project)
    }
    try load.finish()
    return Whole(facts: facts, plan: plan, update: update)
  }

  /// Re-plans `households` over their projects' stored tasks.
  public func households(_ households: [String], _ reader: any FactReading) throws -> PlanUpdate {
    let projects = try reader.projects(ofHouseholds: households)
    let facts = try reader.facts(households: households)
    let clock = planningClock(facts)
    let byProject = Dictionary(grouping: projects.keys, by: { projects[$0] ?? "" })
    var changes: [TaskChange] = []
    for project in byProject.keys.sorted() {
      let codes = byProject[project] ?? []
      let stored = try storedTasks(of: codes, project: project, facts: facts, reader).filter(planner.overlaps)
      var plan = planner.restore(
        stored, facts: facts, buildings: try reader.buildings(project: project), at: clock)
      changes += planner.replan(households: codes, in: facts, at: clock, plan: &plan)
    }
    return update(changes)
  }

  /// The stored tasks a re-plan of some of `project`'s households needs: their own, and every task of the
  /// project assigned to a steward their areas have had (the split groups their tasks leave or join, whose
  /// monthly loads place them). Not the whole project: a write's re-plan then costs a steward's share of it.
  private func storedTasks(
    of codes: [String], project: String, facts: Facts, _ reader: any FactReading
  ) throws -> [VisitTask] {
    var stewards = Set<String>()
    var byID: [String: VisitTask] = [:]
    for code in codes {
      for task in try reader.tasks(household: code) {
        byID[task.id] = task
        stewards.insert(task.assignee)
      }
      if let area = facts.households[code].flatMap({ facts.areas[$0.area] }) {
        stewards.formUnion(area.stewards.map(\.steward))
      }
    }
    for steward in stewards.sorted() {
      for task in try reader.tasks(assignee: steward, month: nil) where task.project == project {
        byID[task.id] = task
      }
    }
    return byID.values.sorted { $0.id < $1.id }
  }

  /// The update after a write: its households alone when the plan was current before it and they are few,
  /// else the whole plan.
  public func afterWrite(_ summary: WriteSummary, before: PlanStamp, _ reader: any FactReading) throws
    -> PlanUpdate
  {
    let current = before.isCurrent(rulesDigest: planner.rules.digest, year: planner.from.year)
    if current && summary.affectedHouseholds.count <= Self.scopedLimit {
      return try households(summary.affectedHouseholds, reader)
    }
    return try whole(reader).update
  }

  /// Whether the stored tasks are the plan of the stored facts for these rules and year.
  public func isCurrent(_ stamp: PlanStamp) -> Bool {
    stamp.isCurrent(rulesDigest: planner.rules.digest, year: planner.from.year)
  }

  private func update(_ changes: [TaskChange]) -> PlanUpdate {
    PlanUpdate(
      changes: changes, rulesDigest: planner.rules.digest, year: planner.from.year,
      provisionalYears: provisionalYears)
  }

  /// How far past the clock a fact may be dated and still be planned: a write that committed after this
  /// planning read its clock, even on a loaded machine. Later facts are ignored, as the planner ignores every
  /// fact dated after its clock.
  static let concurrentWriteAllowance: TimeInterval = 300

  /// The clock a stored plan of `facts` is made at: the clock, or the latest fact when a concurrent write dated
  /// it a little later (within `concurrentWriteAllowance`). Planning at a clock read before such a write
  /// committed would leave its facts out of a plan stamped current (a waiver answered 200, still open).
  func planningClock(_ facts: Facts) -> Date {
    guard let latest = facts.latestInstant, latest > clock,
      latest.timeIntervalSince(clock) <= Self.concurrentWriteAllowance
    else { return clock }
    return latest
  }

  /// The years of the horizon whose holidays are provisional with these rules.
  private var provisionalYears: [Int] {
    planner.rules.holidays.provisionalYears(in: planner.from.year...planner.to.year)
  }

  /// The planner for a whole plan after the plan `stamp` describes: the years that were provisional then and
  /// have their official holidays now are split again (months not yet begun, households not yet visited).
  private func planner(after stamp: PlanStamp) -> Planner {
    var planner = self.planner
    planner.resplitYears = Set(stamp.provisionalYears).subtracting(provisionalYears)
    return planner
  }
}
