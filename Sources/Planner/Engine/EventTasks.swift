import CalendarSpec
import Foundation
import Policy

extension TaskSource {
  /// The tasks opened by the trigger's events (or, for `ticket-closed`, by each closed ticket).
  ///
  /// Decisions: an event opens a window only if the household matches the selector just before or at the
  /// event (the event itself often changes the state); an event that falls inside the rule's previous
  /// window of the household opens nothing (so the first of several events opens the window, and a second
  /// steward change within the sweep's window adds no second sweep — reassignment moves the open one). A
  /// `within` window is owed even if the household's state changes afterwards; an `until` window is cancelled
  /// when the household stops matching before the closing event, and stays open-ended (never overdue) while
  /// the closing event has not happened.
  func eventTasks(_ trigger: EventTrigger, into drafts: inout [TaskDraft]) {
    if trigger.after.contains(.ticketClosed) { return ticketTasks(trigger, into: &drafts) }
    var lastDay = Int.min
    for (name, at) in planner.known.occurrences(of: trigger.after) {
      let opens = zone.date(at)
      guard opens.dayNumber > lastDay, matches(around: at) else { continue }
      let (due, cancelAt) = end(of: trigger, opens: opens, at: at)
      lastDay = due?.dayNumber ?? Int.max
      let last = due.map { rule.grace?.added(to: $0) ?? $0 }
      guard inHorizon(opens: opens, last: last) else { continue }
      for ordinal in 1...max(1, trigger.count) {
        drafts.append(
          draft(
            anchor: .event(name, opens), ordinal: ordinal, opens: opens, due: due, month: YearMonth(opens),
            split: false, cancelAt: cancelAt))
      }
    }
  }

  /// A follow-up per ticket closed by the clock, its window opening the day the ticket closed.
  private func ticketTasks(_ trigger: EventTrigger, into drafts: inout [TaskDraft]) {
    for ticket in planner.known.closedTickets {
      guard let closed = ticket.closedAt, matches(around: closed) else { continue }
      let opens = zone.date(closed)
      let due: LocalDate? = if case .within(let span) = trigger.end { span.added(to: opens) } else { nil }
      guard inHorizon(opens: opens, last: due.map { rule.grace?.added(to: $0) ?? $0 }) else { continue }
      for ordinal in 1...max(1, trigger.count) {
        drafts.append(
          draft(
            anchor: .ticket(ticket.number), ordinal: ordinal, opens: opens, due: due, month: YearMonth(opens),
            split: false))
      }
    }
  }

  private func matches(around instant: Date) -> Bool {
    timeline.matches(at: instant) || timeline.matches(at: instant.addingTimeInterval(-1))
  }

  private func end(of trigger: EventTrigger, opens: LocalDate, at: Date) -> (LocalDate?, Date?) {
    switch trigger.end {
    case .within(let span):
      return (span.added(to: opens), nil)
    case .until(let closing):
      let closed = planner.known.household.events.first { $0.name == closing && $0.at >= at }
      let due = closed.map { zone.date($0.at) }
      guard let stop = timeline.stop(after: at) else { return (due, nil) }
      let stopsEarly = due.map { zone.date(stop) < $0 } ?? true
      return (due, stopsEarly ? stop : nil)
    }
  }
}
