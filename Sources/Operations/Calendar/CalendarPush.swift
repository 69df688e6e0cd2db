import CalendarSpec
import Foundation
import ICalendar
import Messages
import Planner
import Policy
import Store

/// Each steward's planned visits of the coming days as entries for their own WeCom calendar (日程), through the
/// outbox; made beside the daily digest when a `wecom-calendar` receiver is configured.
///
/// Decisions: the days and hours are the calendar feed's (`CalendarPlacement`, in-home visits in the visiting
/// window of their planned day in the project's zone, the others all day), and so is each task's revision: the
/// outbox key is `wecal:{task}:{revision}`, so a plan that did not move a task adds nothing, and a task that
/// moved is sent once more for its new day. Overdue tasks are not pushed (the digest lists them). Entries name
/// the place, never the owner.
///
/// Known limit: WeCom's schedule_id is not kept, so a moved task's old entry stays in the calendar beside the
/// new one (`oa/schedule/update` would need it); a day's share left undone moves to later days, and so adds
/// entries again.
public struct CalendarPush {
  /// How many days from today each push covers.
  public static let days = 7

  let current: CurrentPlan

  /// Pushes of `plan`, made with `rules`, `facts` and `planner`.
  public init(rules: RuleSet, facts: Facts, planner: Planner, plan: Plan) {
    current = CurrentPlan(rules: rules, facts: facts, planner: planner, plan: plan)
  }

  /// The entries of every steward with a WeCom id, from `clock`'s day for `days` days; revisions recorded in
  /// `store`.
  public func entries(store: any CalendarEventStore, clock: Date) throws -> [OutboxEntry] {
    let stewards = Set(current.plan.allTasks.map(\.assignee)).filter {
      !(current.facts.stewards[$0]?.wecomUserID ?? "").isEmpty
    }
    return try stewards.sorted().flatMap { steward in
      try messages(steward: steward, store: store, clock: clock).map {
        try $0.message.entry(key: $0.key, notBefore: clock)
      }
    }
  }

  /// `steward`'s planned visits from `clock`'s day for `days` days, one message each, keyed by task and revision.
  public func messages(steward: String, store: any CalendarEventStore, clock: Date) throws -> [(
    key: String, message: OutboxMessage
  )] {
    guard let person = current.facts.stewards[steward] else { return [] }
    let zone = current.rules.settings.timeZone
    let today = LocalDate(clock, in: zone)
    let last = today.adding(days: Self.days - 1)
    // Each month's tasks are placed apart, so the months up to the week's last day place their tasks on the
    // same days as the whole year would: later months are left out, which keeps a run over every steward short.
    // Overdue tasks are left out: the feed puts them on today, which would add them again every day.
    let mine = current.plan.allTasks.filter {
      $0.assignee == steward && $0.state != .overdue && $0.plannedMonth <= YearMonth(last)
    }
    let placed = CalendarPlacement.days(
      of: mine, from: today, holidays: current.rules.holidays, facts: current.facts
    ).filter { $0.day <= last }
    let drafts = placed.map {
      (StewardCalendar.draft($0.task, on: $0.day, current: current, clock: clock), $0)
    }
    // Revised as the feed revises them, so that the feed and the pushes agree on each task's revision.
    let revisions = try store.reviseEvents(
      Dictionary(drafts.map { ($0.0.task, $0.0.placement) }, uniquingKeysWith: { first, _ in first }),
      at: clock)
    return drafts.map { draft, placed in
      let sequence = revisions[draft.task]?.sequence ?? 0
      let (start, end, allDay) = Self.span(draft.timing, zone: current.zone(ofProject: placed.task.project))
      let notice = PlannedVisitNotice(
        task: draft.task, sequence: sequence, start: start, end: end, allDay: allDay, summary: draft.title,
        location: draft.location, details: draft.description)
      let message = OutboxMessage(
        audience: .steward, project: placed.task.project, content: .plannedVisit(notice),
        recipient: Recipient(person), personal: true)
      return ("wecal:\(draft.task):\(sequence)", message)
    }
  }

  /// Start and end in Unix seconds; an all-day entry runs from the day's midnight to the next in `zone`.
  private static func span(_ timing: FeedEvent.Timing, zone: TimeZone) -> (Int64, Int64, Bool) {
    switch timing {
    case .timed(let start, let end):
      return (Int64(start.timeIntervalSince1970), Int64(end.timeIntervalSince1970), false)
    case .allDay(let day):
      var calendar = Calendar(identifier: .gregorian)
      calendar.timeZone = zone
      let midnight = { (day: LocalDate) in
        calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day))
          ?? Date(
            timeIntervalSince1970: 0)
      }
      return (
        Int64(midnight(day).timeIntervalSince1970),
        Int64(midnight(day.adding(days: 1)).timeIntervalSince1970),
        true
      )
    }
  }
}
