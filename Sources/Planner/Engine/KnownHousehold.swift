import Foundation
import Policy

/// A household with only the facts known at the clock: histories, events, visits, tickets and waivers up to then.
final class KnownHousehold {
  /// The household, its histories and events cut at the clock.
  let household: Household
  /// Its area, with steward changes cut at the clock.
  let area: Area?
  /// Its reached and unreached contacts up to the clock, in time order.
  let visits: [Visit]
  /// Its tickets closed by the clock.
  let closedTickets: [Ticket]
  /// Its waivers granted by the clock.
  let waivers: [Waiver]
  /// The instants at which its state or grade changed.
  let changePoints: History<Date>
  /// The states its history holds, as selector bits.
  let stateBits: UInt8
  /// The grades its history holds, as selector bits.
  let gradeBits: UInt8

  /// The household at `position` of the facts as known at `clock`, or nil when it has no state yet (neither
  /// delivered nor given a state); its states are the policy's (`Household.policyStates`).
  init?(at position: Int, facts: borrowing Facts, clock: Date, areas: inout AreaCache) {
    var household = facts.households.household(at: position)
    household.states.cut { $0.since > clock }
    household.events.cut { $0.at > clock }
    household.states = household.policyStates
    guard !household.states.isEmpty else { return nil }
    household.grades.cut { $0.since > clock }
    self.household = household
    area = areas.area(household.area, facts: facts, clock: clock)
    let id = household.id
    var visits = facts.households.contacts(at: position)
    visits.cut { $0.at > clock }
    self.visits = visits
    let tickets = facts.tickets(of: id)
    closedTickets = tickets.isEmpty ? [] : tickets.filter { ($0.closedAt ?? .distantFuture) <= clock }
    var waivers = facts.waivers(of: id)
    waivers.cut { $0.at > clock }
    self.waivers = waivers
    stateBits = CompiledSelector.bits(of: household.states)
    gradeBits = CompiledSelector.bits(of: household.grades)
    changePoints = KnownHousehold.changePoints(household.states, household.grades)
  }

  /// The distinct instants of both histories, in time order.
  private static func changePoints(
    _ states: History<Dated<HouseholdState>>, _ grades: History<Dated<Grade>>
  ) -> History<Date> {
    if states.count == 1 && grades.count <= 1 {
      guard let grade = grades.first?.since, grade != states[0].since else { return [states[0].since] }
      return grade < states[0].since ? [grade, states[0].since] : [states[0].since, grade]
    }
    var points = states.map(\.since) + grades.map(\.since)
    guard points.count > 1 else { return History(points) }
    points.sort()
    var kept = 1
    for index in 1..<points.count where points[index] != points[kept - 1] {
      points[kept] = points[index]
      kept += 1
    }
    return History(points[..<kept])
  }

  /// The steward in charge at `instant`.
  func steward(at instant: Date) -> String { area?.steward(at: instant) ?? "" }

  /// The instants of the household's events named in `names`, with the name, in time order.
  func occurrences(of names: [EventName]) -> [(EventName, Date)] {
    var result: [(EventName, Date)] = []
    for event in household.events where names.contains(event.name) { result.append((event.name, event.at)) }
    if names.contains(.stewardChanged), let area {
      let first = household.states.first?.since ?? .distantFuture
      for change in area.changes where change.since >= first {
        result.append((.stewardChanged, change.since))
      }
    }
    return result.sorted { $0.1 < $1.1 }
  }
}
