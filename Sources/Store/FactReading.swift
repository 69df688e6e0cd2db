import CalendarSpec
import Foundation
import Planner

/// Reads facts and tasks on one consistent view: a read snapshot, or the write transaction in hand.
public protocol FactReading {
  /// Every fact, indexed for the planner.
  func loadFacts() throws -> Facts

  /// The facts `households` need to be planned or listed: those households with their histories, visits,
  /// tickets and waivers, their areas, the stewards of those areas and of their visits, the project leads, and
  /// every project and campaign.
  func facts(households: [String]) throws -> Facts

  /// The stored tasks, all or one household's, by id.
  func tasks(household: String?) throws -> [VisitTask]

  /// The stored tasks of a project, by id.
  func tasks(project: String) throws -> [VisitTask]

  /// The stored tasks assigned to a steward, by id; only those planned in `month` when given.
  func tasks(assignee: String, month: YearMonth?) throws -> [VisitTask]

  /// The project of each of `households` that exists.
  func projects(ofHouseholds households: [String]) throws -> [String: String]

  /// The voided facts of a household, oldest void first.
  func corrections(household: String) throws -> [Correction]

  /// One area with its steward history, nil when unknown.
  func area(_ id: String) throws -> Area?

  /// The building of every household of a project.
  func buildings(project: String) throws -> [String: String]

  /// One row of stewards.csv (a steward or a project lead) with its channel ids, nil when unknown.
  func steward(_ id: String) throws -> Steward?

  /// The number of households.
  func householdCount() throws -> Int

  /// The plan stamp: facts version, and what the stored tasks were planned from.
  func planStamp() throws -> PlanStamp

  /// Calls `body` once per distinct window of the stored tasks that are not settled: the project, the first
  /// day, the last day (grace included; nil while open-ended), and how many tasks have it.
  func forEachUnsettledWindow(_ body: (String, LocalDate, LocalDate?, Int) throws -> Void) throws

  /// The households with a visit or attempt (voided ones included) from `start` up to `end`.
  func householdsVisited(from start: Date, until end: Date) throws -> [String]

  /// The texts behind what `visits` captured (information by field, and each feedback item's text in order), by
  /// visit id; a visit without texts is left out.
  func visitTexts(_ visits: [String]) throws -> [String: VisitTexts]

  /// A load that stores a whole plan as it is made, when this reader is a write that will store the plan and
  /// the task table is empty; nil otherwise.
  func firstPlanLoad() throws -> (any FirstPlanLoad)?
}

/// The texts a visit captured: what the planner's `Captured` only flags.
public struct VisitTexts: Sendable, Hashable {
  /// Owner and family information, by field.
  public var details: [InfoField: String] = [:]
  /// The text of each need and piece of feedback, parallel to `Captured.feedback`.
  public var feedback: [String] = []

  /// Texts of a visit.
  public init(details: [InfoField: String] = [:], feedback: [String] = []) {
    self.details = details
    self.feedback = feedback
  }
}
