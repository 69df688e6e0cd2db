import CalendarSpec
import Foundation
import ICalendar
import Planner
import Policy
import Store

/// A steward's calendar feed: their unsettled tasks of the year on their planned days, in-home visits in the
/// visiting window, the others as all-day events; owners masked.
///
/// Decisions: an event's UID is its task's id with `@visitd` (task ids are never reused). Its SEQUENCE is
/// stored (`CalendarEventStore`): it goes up by one each time the event's day or hours change, and DTSTAMP is
/// when that happened, so an unchanged plan gives the same bytes and its ETag holds.
public enum StewardCalendar {
  /// How often subscribers should fetch the feed again, in minutes.
  public static let refreshMinutes = 60

  /// The feed of `steward` at `clock`; revisions are recorded in `store`.
  public static func feed(
    store: any FactStore & CalendarEventStore, rules: RuleSet, steward: String, clock: Date
  ) throws -> CalendarFeed {
    let current = try CurrentPlan.load(
      store: store, rules: rules, at: clock, refresh: true, scope: .steward(steward, month: nil))
    let zone = rules.settings.timeZone
    let mine = current.plan.allTasks.filter { $0.assignee == steward }
    let placed = CalendarPlacement.days(
      of: mine, from: LocalDate(clock, in: zone), holidays: rules.holidays, facts: current.facts)
    let drafts = placed.map { draft($0.task, on: $0.day, current: current, clock: clock) }
    let revisions = try store.reviseEvents(
      Dictionary(drafts.map { ($0.task, $0.placement) }, uniquingKeysWith: { first, _ in first }), at: clock)
    let events = drafts.map { draft in
      let revision = revisions[draft.task] ?? EventRevision(sequence: 0, changed: clock)
      return FeedEvent(
        uid: "\(draft.task)@visitd", sequence: revision.sequence, stamp: revision.changed,
        timing: draft.timing, summary: draft.summary, location: draft.location, description: draft.description
      )
    }
    let name = current.facts.stewards[steward]?.name ?? steward
    return CalendarFeed(name: "访谈计划 \(name)", zone: zone, refreshMinutes: refreshMinutes, events: events)
  }

  /// An event before its revision is known.
  struct Draft {
    let task: String
    let placement: String
    let timing: FeedEvent.Timing
    let summary: String
    /// The summary without the owner, for calendars outside the feed's secret (WeCom 日程).
    let title: String
    let location: String
    let description: String
  }

  /// `task`'s event on `day`: in the visiting window when its rule lets it be made in the home now.
  static func draft(_ task: VisitTask, on day: LocalDate, current: CurrentPlan, clock: Date) -> Draft {
    let household = current.facts.households[task.household]
    let rule = current.rules.rule(task.rule)
    let inHome =
      household.flatMap { $0.state(at: clock) }.map {
        rule?.channels.allowed(for: $0).contains(.inHome) ?? false
      }
      ?? false
    let window = rule?.visitingWindow.hours ?? current.rules.settings.visitingWindow.hours
    let zone = current.zone(ofProject: task.project)
    let timing: FeedEvent.Timing
    let placement: String
    if inHome {
      let start = window.opening(on: day, in: zone)
      timing = .timed(
        start: start, end: start.addingTimeInterval(TimeInterval(window.endMinute - window.startMinute) * 60))
      placement = "\(day) \(window)"
    } else {
      timing = .allDay(day)
      placement = "\(day)"
    }
    let label = household.map { HouseholdLabel($0, contacts: ContactStyle(showContact: false)) }
    let how = inHome ? "入户" : "电话/微信"
    let kind = task.state == .overdue ? "逾期 " : ""
    let title = [kind + how + (rule?.kind == .deep ? "深度访谈" : "访谈"), label?.place ?? task.household]
      .filter { !$0.isEmpty }.joined(separator: " ")
    let summary = [title, label?.owner ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
    let project = current.facts.projects[task.project]?.name ?? task.project
    let notes = [
      "户号 \(task.household)", "规则 \(rule?.title ?? task.rule)", "期限 \(TaskText.window(task))",
      "任务 \(task.id)",
    ]
    return Draft(
      task: task.id, placement: placement, timing: timing, summary: summary, title: title,
      location: [project, label?.place ?? ""].filter { !$0.isEmpty }.joined(separator: " "),
      description: notes.joined(separator: "\n"))
  }
}
