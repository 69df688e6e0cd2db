import CalendarSpec
import Foundation
import Planner
import Policy

/// Small helpers to write scenario facts in the project's zone (Asia/Shanghai).
enum Day {
  static func date(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

  /// The instant of `YYYY-MM-DD` at `hour:minute` Shanghai time.
  static func at(_ text: String, _ hour: Int = 10, _ minute: Int = 0) -> Date {
    date(text).instant(hour: hour, minute: minute, in: ShippedPolicy.zone)
  }
}

/// A one-project world: project P1, area A1 (buildings B1, B2) with steward S1 since 2020.
struct World {
  var households: [Household] = []
  var visits: [Visit] = []
  var tickets: [Ticket] = []
  var campaigns: [Campaign] = []
  var waivers: [Waiver] = []
  var area = Area(
    id: "A1", project: "P1", buildings: ["B1", "B2"],
    stewards: [StewardAssignment(steward: "S1", since: Day.at("2020-01-01"))])

  mutating func household(
    _ id: String, building: String = "B1", states: [(HouseholdState, String)], grades: [(Grade, String)] = [],
    events: [(EventName, String)] = []
  ) {
    households.append(
      Household(
        id: id, project: "P1", building: building, area: "A1",
        states: states.map { Dated($0.0, since: Day.at($0.1, 9)) },
        grades: grades.map { Dated($0.0, since: Day.at($0.1, 9)) },
        events: events.map { HouseholdEvent($0.0, at: Day.at($0.1, 9)) }))
  }

  mutating func visit(
    _ id: String, _ household: String, _ day: String, hour: Int = 18, channel: Channel,
    kind: InterviewKind = .basic,
    interviewee: Interviewee = .owner, outcome: VisitOutcome = .reached, captured: Captured = Captured()
  ) {
    visits.append(
      Visit(
        id: id, household: household, at: Day.at(day, hour), channel: channel, kind: kind, steward: "S1",
        interviewee: interviewee, outcome: outcome, captured: captured))
  }

  var facts: Facts {
    Facts(
      projects: [Project(id: "P1", name: "翠湖花园", lead: "L1")], stewards: [], areas: [area],
      households: households, visits: visits, tickets: tickets, campaigns: campaigns, waivers: waivers)
  }

  func plan(year: Int, at clock: String, previous: Plan? = nil, rules: RuleSet = ShippedPolicy.ruleSet())
    -> Plan
  {
    Planner(rules: rules, year: year).plan(facts, at: Day.at(clock, 23, 59), previous: previous)
  }
}

extension Plan {
  /// The tasks of a household for a rule.
  func tasks(_ household: String, _ rule: String) -> [VisitTask] {
    tasks(of: household, inProject: "P1").filter { $0.rule == rule }
  }

  /// `id opens..due month state` lines, for compact assertions.
  func summary(_ household: String, _ rule: String) -> [String] {
    tasks(household, rule).map {
      "\($0.id) \($0.opens)..\($0.due?.description ?? "open") \($0.plannedMonth) \($0.state.rawValue)"
    }
  }
}
