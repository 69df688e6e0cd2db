import CalendarSpec
import Foundation
import Policy

extension TaskSource {
  /// The quota tasks of every sub-period overlapping the horizon in which the household matches.
  ///
  /// Decision: the household owes a period's quota when it matches the selector at some time in the
  /// period up to the clock (after the clock its last known verdict is assumed to hold). The window opens
  /// on the later of the period's first day and the day the household last started matching (never before the
  /// fact that creates it; a visit from an earlier matching stretch of the same period does not count). When the household stopped matching within the period, the task is cancelled at
  /// that instant unless a visit settled it before.
  func quotaTasks(_ quota: Quota, into drafts: inout [TaskDraft]) {
    for period in entry.quotaPeriods {
      guard let (opens, cancelAt) = window(in: period) else { continue }
      let split = rule.split == .monthly
      for ordinal in 1...max(1, quota.countPerEach) {
        drafts.append(
          draft(
            anchor: .period(period), ordinal: ordinal, opens: opens, due: period.lastDay,
            month: YearMonth(opens), split: split, cancelAt: cancelAt))
      }
    }
  }

  private func window(in period: PeriodKey) -> (LocalDate, Date?)? {
    let start = zone.start(ofDay: period.firstDay.dayNumber)
    let end = zone.start(ofDay: period.next.firstDay.dayNumber)
    guard clock > start else {
      return timeline.matches(at: clock) ? (period.firstDay, nil) : nil
    }
    guard let segment = timeline.lastMatch(from: start, to: min(end, clock)) else { return nil }
    let opens = max(period.firstDay, zone.date(segment.start))
    return (opens, segment.end)
  }
}
