import CalendarSpec
import Foundation
import Planner
import Policy
import Testing

/// A reached visit settles a quota task exactly when the rule accepts its channel, kind and interviewee.
@Suite struct VisitAcceptanceTests {
  static let quotaRules = ["vacant-quarterly", "occupied-annual", "deep-interview"]

  @Test(arguments: quotaRules, Channel.allCases)
  func aVisitSettlesATaskExactlyWhenTheRuleAcceptsIt(rule id: String, channel: Channel) throws {
    let rules = ShippedPolicy.ruleSet()
    let rule = try #require(rules.rules.first { $0.id == id })
    let state = rule.selector.states.sorted { $0.rawValue < $1.rawValue }.first ?? .occupied
    let grade = rule.selector.grades.sorted { $0.rawValue < $1.rawValue }.first ?? .a
    for kind in InterviewKind.allCases {
      for interviewee in Interviewee.allCases {
        var world = World()
        world.household("H1", states: [(state, "2025-01-01")], grades: [(grade, "2025-01-01")])
        world.visit(
          "V1", "H1", "2026-05-12", hour: 18, channel: channel, kind: kind, interviewee: interviewee)
        let settled = world.plan(year: 2026, at: "2026-12-31", rules: rules).tasks("H1", id)
          .contains { $0.settlement?.detail == "V1" }
        #expect(
          settled == rule.accepts(channel: channel, kind: kind, interviewee: interviewee, state: state),
          "\(id) \(channel) \(kind) \(interviewee) in \(state)")
      }
    }
  }
}
