import CalendarSpec
import Foundation
import Planner
import Policy

/// Seeded random facts over one project: areas, buildings of varying sizes, histories, events and visits in 2026.
struct FactsGenerator {
  private var random: SplitMix64
  /// Whether households may change state or grade during 2026 (off for the split property).
  var changes = true

  init(seed: UInt64) { random = SplitMix64(seed: seed) }

  mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

  mutating func day(in year: Int = 2026) -> String {
    LocalDate(year: year, month: 1, day: 1)!.adding(days: below(365)).description
  }

  mutating func world() -> World {
    var world = World()
    world.area = Area(
      id: "A1", project: "P1", buildings: [],
      stewards: [StewardAssignment(steward: "S1", since: Day.at("2020-01-01"))])
    if changes && below(2) == 0 {
      world.area.stewards.append(StewardAssignment(steward: "S2", since: Day.at(day(), 11)))
    }
    let buildings = (0..<(2 + below(6))).map { (name: "B\($0)", size: 1 + below(12)) }
    var serial = 0
    for building in buildings {
      for _ in 0..<building.size {
        serial += 1
        addHousehold("H\(1000 + serial)", building: building.name, to: &world)
      }
    }
    return world
  }

  private mutating func addHousehold(_ id: String, building: String, to world: inout World) {
    let states: [HouseholdState] = [.vacant, .renovating, .occupied]
    var history = [(states[below(3)], "2025-0\(1 + below(9))-1\(below(10))")]
    var events: [(EventName, String)] = []
    if changes && below(3) == 0 {
      let when = day()
      let next = states[below(3)]
      if next != history[0].0 { history.append((next, when)) }
      if next == .occupied { events.append((.movedIn, when)) }
      if next == .renovating { events.append((.renovationPermit, when)) }
    }
    let grades: [Grade] = [.a, .b, .c, .d]
    world.household(
      id, building: building, states: history, grades: [(grades[below(4)], "2025-01-01")], events: events)
    for index in 0..<below(4) {
      let channels: [Channel] = [.inHome, .phone, .wechat, .sms]
      world.visit(
        "\(id)-V\(index)", id, day(), hour: 9 + below(12), channel: channels[below(4)],
        kind: below(3) == 0 ? .deep : .basic,
        outcome: below(5) == 0 ? .notReached : .reached)
    }
  }
}
