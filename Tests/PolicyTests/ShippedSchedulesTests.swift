import CalendarSpec
import Foundation
import Testing

@testable import Policy

@Suite("The shipped schedules")
struct ShippedSchedulesTests {
  let schedules: [String: Schedule]

  init() throws {
    let ruleSet = try PolicyLoader.ruleSet(RuleSource(directories: [Support.shippedRules]))
    schedules = Dictionary(uniqueKeysWithValues: ruleSet.schedules.map { ($0.id, $0) })
  }

  private func schedule(_ id: String) throws -> Schedule { try #require(schedules[id]) }

  @Test(arguments: [
    ("steward-digest", "*-*-* 16:30", DayFilter.working, Audience.steward),
    ("overdue-escalation", "*-*-* 09:00", .working, .steward),
    ("mid-month-spot-check", "*-*-15 09:00", .all, .projectLead),
    ("monthly-summary", "*-*-25 09:00", .all, .operations),
    ("capture-rate-ranking", "*-*-01 09:00", .all, .operations),
    ("verification-sample", "*-*-01 10:00", .all, .operations),
  ])
  func calendarDaysAndAudience(id: String, calendar: String, days: DayFilter, audience: Audience) throws {
    let schedule = try schedule(id)
    #expect(schedule.calendar == (try CalendarEvent(parsing: calendar)))
    #expect(schedule.days == days)
    #expect(schedule.audience == audience)
  }

  @Test func reportsAndThresholds() throws {
    #expect(try schedule("steward-digest").report == .dailyDigest)
    #expect(try schedule("mid-month-spot-check").report == .spotCheck(SpotCheck(behindBelow: 0.8)))
    #expect(
      try schedule("monthly-summary").report == .monthlySummary(Summary(commonMatterHouseholds: 3)))
    #expect(
      try schedule("capture-rate-ranking").report
        == .captureRateRanking(Ranking(minimumInterviews: 10, rewards: [500, 300, 200], lastPenalty: 300)))
    #expect(try schedule("verification-sample").report == .verificationSample(Sample(perProject: 5)))
  }

  @Test func overdueEscalationStepsUp() throws {
    let steps = [
      EscalationStep(audience: .steward, after: CalendarSpan(0, .day)),
      EscalationStep(audience: .projectLead, after: CalendarSpan(3, .day)),
      EscalationStep(audience: .operations, after: CalendarSpan(7, .day)),
    ]
    let escalation = Escalation(steps: steps, repeatEvery: CalendarSpan(1, .day))
    #expect(try schedule("overdue-escalation").report == .overdueEscalation(escalation))
  }
}
