import CalendarSpec
import Foundation
import Testing

@testable import Policy

@Suite("The shipped rules")
struct ShippedRulesTests {
  let ruleSet: RuleSet

  init() throws {
    let load = PolicyLoader.load(RuleSource(directories: [Support.shippedRules]))
    #expect(load.problems.map(\.description) == [])
    ruleSet = try #require(load.ruleSet)
  }

  private func rule(_ id: String) throws -> Rule { try #require(ruleSet.rule(id)) }

  @Test func everyRuleLoadsInPrecedenceOrder() {
    #expect(
      ruleSet.rules.map(\.id) == [
        "ticket-follow-up", "move-in-welcome", "steward-change-sweep", "renovation-call", "renovation-visit",
        "vacant-quarterly", "occupied-annual", "deep-interview", "activity-invitation",
      ])
    #expect(ruleSet.sources["vacant-quarterly"] == Support.shippedRules + "/vacant-quarterly.toml")
    #expect(ruleSet.sources["settings.toml"] == Support.shippedRules + "/settings.toml")
  }

  @Test func vacantQuarterly() throws {
    let rule = try rule("vacant-quarterly")
    #expect(rule.trigger == .quota(Quota(count: 1, period: .quarter)))
    #expect(rule.split == .monthly)
    #expect(rule.kind == .basic)
    #expect(rule.selector == Selector(states: [.vacant], grades: [.a, .b]))
    #expect(rule.channels.allowed(for: .vacant) == [.wechat, .phone, .sms])
  }

  @Test func renovationCallBetweenPermitAndAcceptance() throws {
    let rule = try rule("renovation-call")
    #expect(
      rule.trigger == .event(EventTrigger(after: [.renovationPermit], end: .until(.renovationAccepted))))
    #expect(rule.selector == Selector(states: [.renovating], grades: [.a, .b]))
    #expect(rule.channels.allowed(for: .renovating) == [.phone])
    #expect(rule.split == .none)
  }

  @Test func renovationVisitWithinAMonthOfTheFirstEvent() throws {
    let rule = try rule("renovation-visit")
    let trigger = EventTrigger(
      after: [.renovationAccepted, .depositRefunded], end: .within(CalendarSpan(1, .month)))
    #expect(rule.trigger == .event(trigger))
    #expect(rule.channels.allowed(for: .renovating) == [.inHome])
    #expect(rule.selector == Selector(grades: [.a, .b]))
  }

  @Test func moveInWelcome() throws {
    let rule = try rule("move-in-welcome")
    #expect(rule.trigger == .event(EventTrigger(after: [.movedIn], end: .within(CalendarSpan(1, .month)))))
    #expect(rule.channels.allowed(for: .occupied) == [.inHome])
    #expect(rule.selector == Selector())
  }

  @Test func stewardChangeSweep() throws {
    let rule = try rule("steward-change-sweep")
    #expect(
      rule.trigger == .event(EventTrigger(after: [.stewardChanged], end: .within(CalendarSpan(2, .month)))))
    #expect(rule.channels.allowed(for: .occupied) == [.inHome])
    #expect(rule.channels.allowed(for: .vacant) == [.phone, .wechat])
    #expect(rule.channels.allowed(for: .renovating) == [.inHome, .phone])
    #expect(rule.selector == Selector())
  }

  @Test func occupiedAnnualInsideTheVisitingWindow() throws {
    let rule = try rule("occupied-annual")
    #expect(rule.trigger == .quota(Quota(count: 1, period: .year)))
    #expect(rule.split == .monthly)
    #expect(rule.channels.allowed(for: .occupied) == [.inHome])
    #expect(rule.visitingWindow.hours == DailyWindow(startMinute: 17 * 60 + 30, endMinute: 19 * 60 + 30))
    #expect(rule.visitingWindow.outside == .flag)
    #expect(rule.selector == Selector(states: [.occupied], grades: [.a, .b]))
  }

  @Test func deepInterviewTwiceAYearWithTheOwner() throws {
    let rule = try rule("deep-interview")
    #expect(rule.trigger == .quota(Quota(count: 2, period: .year, each: .halfYear)))
    #expect(Quota(count: 2, period: .year, each: .halfYear).countPerEach == 1)
    #expect(rule.kind == .deep)
    #expect(rule.split == .monthly)
    #expect(rule.interviewees == [.owner])
    #expect(rule.selector == Selector(grades: [.c, .d]))
    #expect(rule.channels.allowed(for: .occupied) == [.inHome])
    #expect(rule.channels.allowed(for: .vacant) == [.phone, .wechat])
    #expect(rule.channels.allowed(for: .renovating) == [.phone, .wechat, .inHome])
    #expect(rule.accepts(channel: .inHome, kind: .deep, interviewee: .owner, state: .occupied))
    #expect(!rule.accepts(channel: .inHome, kind: .deep, interviewee: .tenant, state: .occupied))
  }

  @Test func ticketFollowUpWithinThreeDays() throws {
    let rule = try rule("ticket-follow-up")
    #expect(rule.trigger == .event(EventTrigger(after: [.ticketClosed], end: .within(CalendarSpan(3, .day)))))
    #expect(rule.channels.allowed(for: .vacant) == [.phone, .wechat, .inHome])
    #expect(rule.selector == Selector())
  }

  @Test func activityInvitationCampaign() throws {
    let rule = try rule("activity-invitation")
    #expect(rule.trigger == .campaign)
    #expect(rule.campaign == CampaignTemplate(coverage: 1))
    #expect(rule.channels.allowed(for: .occupied) == [.phone, .wechat])
  }

  @Test func basicRulesDefaultToTheSettingsWindow() throws {
    let window = VisitingWindow(hours: try DailyWindow(parsing: "17:30-19:30"), outside: .flag)
    #expect(ruleSet.settings.visitingWindow == window)
    #expect(try rule("move-in-welcome").visitingWindow == window)
  }

  @Test func settings() {
    #expect(ruleSet.settings.timeZone.identifier == "Asia/Shanghai")
    #expect(
      ruleSet.settings.dimensions.map(\.id) == [
        "overall", "cleaning", "greening", "security", "repairs", "staff-attitude",
      ])
    #expect(ruleSet.settings.dimensions.map(\.title) == ["总体", "卫生", "绿化", "安保", "维修", "服务态度"])
    #expect(ruleSet.settings.feedbackCategories.contains(Label(id: "parking", title: "停车")))
    #expect(ruleSet.settings.feedbackCategories.last == Label(id: "other", title: "其他"))
  }

  @Test(arguments: [
    ("2026-02-14", true), ("2026-02-16", false), ("2026-10-05", false), ("2026-10-10", true),
    ("2026-01-01", false), ("2026-01-04", true), ("2026-09-20", true), ("2026-09-25", false),
    ("2026-03-02", true), ("2026-03-07", false), ("2026-05-09", true), ("2026-06-19", false),
  ])
  func holidays2026(date: String, working: Bool) throws {
    let day = try #require(LocalDate(parsing: date))
    #expect(ruleSet.holidays.isWorkingDay(day) == working)
  }
}
