import CalendarSpec
import Foundation
import Planner
import Policy

/// Seeded synthetic facts built in memory (no CSV): projects of 72-household buildings, four buildings an area,
/// a plausible mix of states, grades, renovations, move-ins and visits over the year before `clock`.
struct SyntheticFacts {
  let households: Int
  let projects: Int
  let year: Int
  let zone: TimeZone
  private var random: BenchRandom

  /// The facts of `households` households over `projects` projects, up to the end of October of `year`.
  init(households: Int, projects: Int, year: Int, zone: TimeZone, seed: UInt64 = 2026) {
    self.households = households
    self.projects = max(1, projects)
    self.year = year
    self.zone = zone
    random = BenchRandom(seed: seed)
  }

  /// The planning clock: the end of October 31st.
  var clock: Date { day(304).instant(hour: 23, minute: 59, in: zone) }

  /// Builds the facts.
  mutating func make() -> Facts {
    var world = World()
    for index in 0..<projects {
      let count = households / projects + (index < households % projects ? 1 : 0)
      addProject(index, households: count, to: &world)
    }
    return Facts(
      projects: world.projects, stewards: world.stewards, areas: world.areas, households: world.households,
      visits: world.visits)
  }

  private mutating func addProject(_ index: Int, households count: Int, to world: inout World) {
    let id = "P" + String(format: "%03d", index + 1)
    world.projects.append(Project(id: id, name: "项目\(index + 1)", lead: "\(id)-S01"))
    let buildings = max(1, (count + 71) / 72)
    for area in 0..<((buildings + 3) / 4) {
      let steward = "\(id)-S" + String(format: "%02d", area + 1)
      world.stewards.append(Steward(id: steward, name: "管家\(area + 1)"))
      var assignments = [StewardAssignment(steward: steward, since: day(-900).startInstant(in: zone))]
      if area == 0 && index % 50 == 0 {
        world.stewards.append(Steward(id: steward + "b", name: "新管家"))
        assignments.append(StewardAssignment(steward: steward + "b", since: day(264).startInstant(in: zone)))
      }
      let names = (area * 4..<min(buildings, area * 4 + 4)).map { "\($0 + 1)栋" }
      world.areas.append(
        Area(
          id: "\(id)-A" + String(format: "%02d", area + 1), project: id, buildings: names,
          stewards: assignments))
    }
    for number in 0..<count { addHousehold(project: id, number: number, to: &world) }
  }

  private mutating func addHousehold(project: String, number: Int, to world: inout World) {
    let building = number / 72
    let unit = number % 72 / 24 + 1
    let room = (number % 24 / 2 + 1) * 100 + number % 2 + 1
    let id = "\(project)-" + String(format: "%02d", building + 1) + "-\(unit)-\(room)"
    let area = "\(project)-A" + String(format: "%02d", building / 4 + 1)
    let (states, events) = history()
    let grade = [Grade.a, .a, .a, .a, .b, .b, .b, .c, .c, .d][random.below(10)]
    world.households.append(
      Household(
        id: id, project: project, building: "\(building + 1)栋", unit: "\(unit)", room: "\(room)", area: area,
        owner: Owner(
          surname: "张", name: "伟", phone: "138" + String(format: "%08d", random.below(100_000_000))),
        states: states, grades: [Dated(grade, since: day(-700).startInstant(in: zone))], events: events))
    addVisits(
      id, state: states.last?.value ?? .vacant, steward: "\(area.replacingOccurrences(of: "-A", with: "-S"))",
      to: &world)
  }

  private mutating func history() -> ([Dated<HouseholdState>], [HouseholdEvent]) {
    let delivered = day(-800 + random.below(300)).instant(hour: 10, minute: 0, in: zone)
    var states = [Dated(HouseholdState.vacant, since: delivered)]
    var events = [HouseholdEvent(.delivered, at: delivered)]
    let roll = random.below(100)
    if roll >= 25 && roll < 35 {
      let permit = day(random.below(290)).instant(hour: 10, minute: 0, in: zone)
      states.append(Dated(.renovating, since: permit))
      events.append(HouseholdEvent(.renovationPermit, at: permit))
    } else if roll >= 35 {
      let movedIn = day(random.below(100) < 15 ? random.below(300) : -400 + random.below(350))
        .instant(hour: 10, minute: 0, in: zone)
      states.append(Dated(.occupied, since: max(movedIn, delivered.addingTimeInterval(86_400))))
      events.append(HouseholdEvent(.movedIn, at: max(movedIn, delivered.addingTimeInterval(86_400))))
    }
    return (states, events)
  }

  private mutating func addVisits(
    _ household: String, state: HouseholdState, steward: String, to world: inout World
  ) {
    for serial in 0..<random.below(3) {
      let inHome = state == .occupied
      let at = day(random.below(300)).instant(hour: inHome ? 18 : 10, minute: random.below(60), in: zone)
      let captured = Captured(
        infoChanged: random.below(3) == 0 ? [.hobbies] : [],
        feedback: random.below(4) == 0 ? [FeedbackItem(category: "parking")] : [],
        ratings: ["overall": 3 + random.below(3)])
      world.visits.append(
        Visit(
          id: "\(household)-V\(serial)", household: household, at: at, channel: inHome ? .inHome : .phone,
          kind: random.below(4) == 0 ? .deep : .basic, steward: steward,
          outcome: random.below(100) < 85 ? .reached : .notReached, captured: captured))
    }
  }

  /// Day `offset` of the year (0 is January 1st; negative is before it).
  private func day(_ offset: Int) -> LocalDate {
    LocalDate(year: year, month: 1, day: 1)!.adding(days: offset)
  }
}

/// The lists facts are built from.
private struct World {
  var projects: [Project] = []
  var stewards: [Steward] = []
  var areas: [Area] = []
  var households: [Household] = []
  var visits: [Visit] = []
}

/// A small seeded generator (SplitMix64).
struct BenchRandom {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in 0..<bound.
  mutating func below(_ bound: Int) -> Int {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return Int((z ^ (z >> 31)) % UInt64(bound))
  }
}
