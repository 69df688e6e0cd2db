import Foundation
import Policy

/// Settles a household's drafts by its visits, waivers and cancellations, and dates their state at the clock.
struct Settler {
  let context: PlanContext
  let zone: ZoneDays
  let known: KnownHousehold
  let reasons: CancellationReasons

  /// Settles `drafts` (in rule precedence order) and assigns each to its steward.
  func settle(_ drafts: inout [TaskDraft]) {
    for index in known.visits.indices where known.visits[index].outcome == .reached {
      apply(known.visits[index], to: &drafts)
    }
    if !known.waivers.isEmpty { applyWaivers(to: &drafts) }
    let clockDay = zone.day(context.clock)
    let current = known.steward(at: context.clock)
    for index in drafts.indices { finish(&drafts[index], clockDay: clockDay, steward: current) }
  }

  /// A reached visit satisfies, for every rule that accepts it, that rule's first unsettled task whose window
  /// holds the visit's day (one task per rule per visit, rules in precedence order).
  ///
  /// Decision: an in-home visit outside the rule's daily visiting window satisfies with a flag, or nothing when
  /// the rule says `refuse`; windows are whole local days, grace included (a visit in grace makes it late).
  private func apply(_ visit: borrowing Visit, to drafts: inout [TaskDraft]) {
    guard let state = known.household.state(at: visit.at) else { return }
    let day = zone.day(visit.at)
    var usedRule = -1
    let acceptances = context.frame.acceptances
    for index in drafts.indices {
      let ruleIndex = drafts[index].ruleIndex
      guard ruleIndex != usedRule, drafts[index].task.settlement == nil, drafts[index].task.accepts(day: day),
        drafts[index].cancelAt.map({ visit.at < $0 }) ?? true
      else { continue }
      let acceptance = acceptances[ruleIndex]
      guard
        acceptance.accepts(
          channel: visit.channel, kind: visit.kind, interviewee: visit.interviewee, state: state)
      else { continue }
      let outside = acceptance.isOutsideWindow(channel: visit.channel, minute: zone.minute(visit.at))
      if outside && acceptance.refusesOutsideWindow { continue }
      drafts[index].task.settlement = .visit(id: visit.id, at: visit.at, outsideVisitingWindow: outside)
      drafts[index].task.state = drafts[index].task.isLate(day: day) ? .late : .done
      usedRule = ruleIndex
    }
  }

  /// A waiver settles its task unless a visit did, the task was cancelled before the waiver, or the waiver came
  /// after the task's quota period was missed.
  ///
  /// Decision: a miss is final; an excuse granted once the period is over does not turn it into a waiver (waivers
  /// must not hide misses). A visit dated inside the window still settles it when recorded late.
  private func applyWaivers(to drafts: inout [TaskDraft]) {
    for waiver in known.waivers {
      let day = zone.day(waiver.at)
      guard
        let index = drafts.firstIndex(where: {
          $0.task.settlement == nil && $0.task.id == waiver.task
            && ($0.cancelAt.map { waiver.at < $0 } ?? true)
        }), drafts[index].task.clockState(onDay: day) != .missed
      else { continue }
      drafts[index].task.settlement = .waiver(reason: waiver.reason, at: waiver.at)
      drafts[index].task.state = .waived
    }
  }

  /// Cancels what stopped matching, dates the rest against the clock, and assigns the steward.
  ///
  /// Decision: a settled task stays with the steward in charge when it was settled, a missed one with the steward
  /// in charge when its period ended (the one who missed it); an unsettled one (planned, open or overdue) goes to
  /// the area's steward at the clock, so a steward change reassigns it.
  private func finish(_ draft: inout TaskDraft, clockDay: Int, steward current: String) {
    if draft.task.settlement == nil, let cancelAt = draft.cancelAt {
      let reason = reasons.reason(
        rule: context.rules[draft.ruleIndex], state: known.household.state(at: cancelAt),
        grade: known.household.grade(at: cancelAt), day: zone.date(cancelAt))
      draft.task.settlement = .cancellation(reason: reason, at: cancelAt)
      draft.task.state = .cancelled
    }
    if let settlement = draft.task.settlement {
      draft.task.assignee = known.steward(at: settlement.at)
      return
    }
    draft.task.state = draft.task.clockState(onDay: clockDay)
    if draft.task.state == .missed, let last = draft.task.lastDayNumber {
      draft.task.assignee = known.steward(at: zone.start(ofDay: last + 1).addingTimeInterval(-1))
    } else {
      draft.task.assignee = current
    }
  }
}
