import CalendarSpec
import Foundation
import Policy

/// The shipped policy of `rules/`, built in code so that scenarios do not depend on the loader.
enum ShippedPolicy {
  static let zone = TimeZone(identifier: "Asia/Shanghai")!
  static let evening = VisitingWindow(
    hours: DailyWindow(startMinute: 17 * 60 + 30, endMinute: 19 * 60 + 30), outside: .flag)
  static let allDay = VisitingWindow(hours: DailyWindow(startMinute: 0, endMinute: 1440), outside: .flag)

  static func rule(
    _ id: String, _ selector: Selector, _ trigger: Trigger, kind: InterviewKind = .basic,
    channels: ChannelPolicy, interviewees: Set<Interviewee> = [], window: VisitingWindow = allDay,
    split: Split = .none, grace: CalendarSpan? = nil, precedence: Int
  ) -> Rule {
    Rule(
      id: id, title: id, description: id, selector: selector, trigger: trigger, kind: kind,
      channels: channels,
      interviewees: interviewees, visitingWindow: window, split: split, grace: grace, precedence: precedence)
  }

  static let rules: [Rule] = [
    rule(
      "ticket-follow-up", Selector(),
      .event(EventTrigger(after: [.ticketClosed], end: .within(CalendarSpan(3, .day)))),
      channels: ChannelPolicy(all: [.phone, .wechat, .inHome]), precedence: 10),
    rule(
      "move-in-welcome", Selector(),
      .event(EventTrigger(after: [.movedIn], end: .within(CalendarSpan(1, .month)))),
      channels: ChannelPolicy(all: [.inHome]), precedence: 20),
    rule(
      "renovation-visit", Selector(states: [.renovating]),
      .event(
        EventTrigger(after: [.renovationAccepted, .depositRefunded], end: .within(CalendarSpan(1, .month)))),
      channels: ChannelPolicy(all: [.inHome]), precedence: 30),
    rule(
      "renovation-call", Selector(states: [.renovating]),
      .event(EventTrigger(after: [.renovationPermit], end: .until(.renovationAccepted))),
      channels: ChannelPolicy(all: [.phone]), precedence: 40),
    rule(
      "steward-change-sweep", Selector(),
      .event(EventTrigger(after: [.stewardChanged], end: .within(CalendarSpan(2, .month)))),
      channels: ChannelPolicy(all: [.inHome, .phone, .wechat]), precedence: 50),
    rule(
      "deep-interview", Selector(grades: [.c, .d]), .quota(Quota(count: 2, period: .year, each: .halfYear)),
      kind: .deep,
      channels: ChannelPolicy(
        all: [.inHome, .phone, .wechat], byState: [.occupied: [.inHome], .vacant: [.phone, .wechat]]),
      interviewees: [.owner], split: .monthly, precedence: 60),
    rule(
      "occupied-annual", Selector(states: [.occupied]), .quota(Quota(count: 1, period: .year)),
      channels: ChannelPolicy(all: [.inHome]), window: evening, split: .monthly, precedence: 70),
    rule(
      "vacant-quarterly", Selector(states: [.vacant], grades: [.a, .b]),
      .quota(Quota(count: 1, period: .quarter)),
      channels: ChannelPolicy(all: [.wechat, .phone, .sms]), split: .monthly, precedence: 80),
    rule(
      "activity-invitation", Selector(), .campaign, channels: ChannelPolicy(all: [.phone, .wechat]),
      precedence: 90),
  ]

  static func ruleSet(holidays: HolidayCalendar = HolidayCalendar(), rules: [Rule] = rules) -> RuleSet {
    RuleSet(
      rules: rules, schedules: [],
      settings: Settings(
        timeZone: zone, visitingWindow: evening,
        dimensions: ["overall", "cleaning", "greening", "security", "repairs", "attitude"].map {
          Label(id: $0, title: $0)
        },
        feedbackCategories: ["repairs", "cleaning", "parking", "security"].map { Label(id: $0, title: $0) }),
      holidays: holidays, sources: [:])
  }
}
