import Foundation
import Policy

/// A household (户): the unit visited, with its state, grade and event history.
public struct Household: Sendable, Hashable, Codable, Identifiable {
  /// The household code, unique across projects; it never contains `/`.
  public var id: String
  /// The project id.
  public var project: String
  /// The building (楼栋).
  public var building: String
  /// The unit (单元).
  public var unit: String
  /// The room (房号).
  public var room: String
  /// The area id, which gives the steward.
  public var area: String
  /// The owner of record, kept for the Store; the planner never prints it.
  public var owner: Owner
  /// Free tags rules can select on.
  public var tags: Set<String>
  /// The state history, oldest first; the household does not exist for the planner before its first entry.
  public var states: History<Dated<HouseholdState>>
  /// The grade history, oldest first; ungraded before the first entry.
  public var grades: History<Dated<Grade>>
  /// Dated household events (delivered, renovation permit and acceptance, deposit refund, moved in), oldest first.
  public var events: History<HouseholdEvent>

  /// A household from its parts; histories are sorted by time.
  public init(
    id: String, project: String, building: String, unit: String = "", room: String = "", area: String,
    owner: Owner = Owner(), tags: Set<String> = [], states: [Dated<HouseholdState>],
    grades: [Dated<Grade>] = [], events: [HouseholdEvent] = []
  ) {
    self.id = id
    self.project = project
    self.building = building
    self.unit = unit
    self.room = room
    self.area = area
    self.owner = owner
    self.tags = tags
    self.states = History(states.sorted { $0.since < $1.since })
    self.grades = History(grades.sorted { $0.since < $1.since })
    self.events = History(events.sorted { ($0.at, $0.name.rawValue) < ($1.at, $1.name.rawValue) })
  }

  /// The state at `instant` as the policy reads it (see `policyStates`), nil before delivery and any state.
  public func state(at instant: Date) -> HouseholdState? { policyStates.value(at: instant) }

  /// The state history as the policy reads it: the recorded one, with a delivered household vacant from its
  /// delivery until its first recorded state.
  ///
  /// Decision: the policy counts a delivered, unoccupied household as vacant (空置), so a household delivered
  /// (交付日期) but recorded, say, occupied only from its move-in owes vacant visits from delivery. A recorded
  /// first state of vacant starts at the delivery instead. Recorded states after the first are unchanged.
  public var policyStates: History<Dated<HouseholdState>> {
    guard let delivered = events.first(where: { $0.name == .delivered })?.at else { return states }
    guard let first = states.first else { return [Dated(.vacant, since: delivered)] }
    guard delivered < first.since else { return states }
    var result = states
    if first.value == .vacant {
      result[0] = Dated(.vacant, since: delivered)
    } else {
      result.insert(Dated(.vacant, since: delivered), at: 0)
    }
    return result
  }

  /// The grade at `instant`, nil when ungraded.
  public func grade(at instant: Date) -> Grade? { grades.value(at: instant) }
}

/// The owner of record (产权人); stored, never printed whole.
public struct Owner: Sendable, Hashable, Codable {
  /// The surname, which notifications may show.
  public var surname: String
  /// The given name.
  public var name: String
  /// The phone number, shown masked only.
  public var phone: String

  /// An owner from its parts.
  public init(surname: String = "", name: String = "", phone: String = "") {
    self.surname = surname
    self.name = name
    self.phone = phone
  }
}

/// A dated event of one household.
public struct HouseholdEvent: Sendable, Hashable, Codable {
  /// What happened.
  public var name: EventName
  /// When it happened.
  public var at: Date

  /// The event `name` at `at`.
  public init(_ name: EventName, at: Date) {
    self.name = name
    self.at = at
  }
}
