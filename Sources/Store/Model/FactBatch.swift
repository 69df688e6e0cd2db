import Foundation
import Planner
import Policy

/// A set of facts to write in one transaction: upserted by natural key, histories only ever added to.
public struct FactBatch: Sendable {
  /// Projects to add or update.
  public var projects: [Project] = []
  /// Stewards to add or update.
  public var stewards: [Steward] = []
  /// Areas to add or update; their steward assignments are added to the history.
  public var areas: [Area] = []
  /// Households to add or update; their state, grade and event entries are added to the history.
  public var households: [Household] = []
  /// Single history entries of existing households (`visitctl event …`).
  public var householdEntries: [HouseholdEntry] = []
  /// Steward assignments of existing areas (`visitctl steward assign`).
  public var assignments: [AreaAssignment] = []
  /// Visits and attempts with the text of what they captured.
  public var visits: [VisitRecord] = []
  /// Tickets closed (`visitctl event ticket-closed`).
  public var ticketClosures: [TicketClosure] = []
  /// Waivers of tasks.
  public var waivers: [Waiver] = []
  /// Campaigns to add or update.
  public var campaigns: [Campaign] = []
  /// Facts entered by mistake, voided.
  public var corrections: [Correction] = []

  /// An empty batch.
  public init() {}

  /// Adds the facts of `other` after this batch's.
  public mutating func append(_ other: FactBatch) {
    projects += other.projects
    stewards += other.stewards
    areas += other.areas
    households += other.households
    householdEntries += other.householdEntries
    assignments += other.assignments
    visits += other.visits
    ticketClosures += other.ticketClosures
    waivers += other.waivers
    campaigns += other.campaigns
    corrections += other.corrections
  }

  /// Whether the batch holds nothing.
  public var isEmpty: Bool {
    projects.isEmpty && stewards.isEmpty && areas.isEmpty && households.isEmpty
      && householdEntries.isEmpty && assignments.isEmpty && visits.isEmpty && ticketClosures.isEmpty
      && waivers.isEmpty && campaigns.isEmpty && corrections.isEmpty
  }
}

/// One dated entry of a household's history: a state, a grade or an event.
public struct HouseholdEntry: Sendable, Hashable, Codable {
  /// What the entry records.
  public enum Change: Sendable, Hashable, Codable {
    /// The household's state from `at` on.
    case state(HouseholdState)
    /// The household's grade from `at` on.
    case grade(Grade)
    /// A dated event.
    case event(EventName)
  }

  /// The household code.
  public var household: String
  /// What the entry records.
  public var change: Change
  /// When.
  public var at: Date

  /// An entry of `household`'s history.
  public init(household: String, change: Change, at: Date) {
    self.household = household
    self.change = change
    self.at = at
  }
}

/// A steward taking over an existing area.
public struct AreaAssignment: Sendable, Hashable {
  /// The area id.
  public var area: String
  /// The steward id and since when.
  public var assignment: StewardAssignment

  /// `steward` takes over `area` at `since`.
  public init(area: String, steward: String, since: Date) {
    self.area = area
    assignment = StewardAssignment(steward: steward, since: since)
  }
}

/// A visit with the text behind what it captured (the planner only needs the flags).
public struct VisitRecord: Sendable, Hashable {
  /// The visit or attempt.
  public var visit: Visit
  /// The text of the owner and family information captured, by field.
  public var details: [InfoField: String]
  /// The text of each feedback item, parallel to `visit.captured.feedback`.
  public var feedbackTexts: [String]

  /// A visit with its captured texts.
  public init(visit: Visit, details: [InfoField: String] = [:], feedbackTexts: [String] = []) {
    self.visit = visit
    self.details = details
    self.feedbackTexts = feedbackTexts
  }
}

/// A ticket closed at an instant.
public struct TicketClosure: Sendable, Hashable {
  /// The ticket number.
  public var number: String
  /// When it was closed.
  public var at: Date

  /// Ticket `number` closed at `at`.
  public init(number: String, at: Date) {
    self.number = number
    self.at = at
  }
}
