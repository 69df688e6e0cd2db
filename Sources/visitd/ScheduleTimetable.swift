import CalendarSpec
import Foundation
import Policy

/// A schedule run that is due: the schedule and the elapse it stands for.
struct DueRun: Equatable, Sendable {
  /// The schedule to run.
  let schedule: String
  /// The calendar elapse this run is for (the latest one when several were missed).
  let scheduledFor: Date
  /// How many elapses the run stands for: 1 on time, more after downtime.
  var elapses = 1
}

/// When each schedule elapses, in the policy's zone, on the days its filter allows.
///
/// Missed elapses run once, for the latest of them, like systemd's `Persistent=true`.
struct ScheduleTimetable: Sendable {
  /// The schedules, in file order.
  let schedules: [Schedule]
  /// The zone expressions without their own zone are evaluated in.
  let zone: TimeZone
  /// Off days and make-up working days, for `days = "working"`.
  let holidays: HolidayCalendar

  /// How many calendar elapses are looked at before a filtered schedule counts as never elapsing.
  private static let searchLimit = 5000

  /// The first elapse of `schedule` strictly after `base` that its day filter allows.
  func nextElapse(of schedule: Schedule, after base: Date) -> Date? {
    let zone = schedule.calendar.timeZone ?? self.zone
    var checked = 0
    for elapse in schedule.calendar.elapses(after: base, in: zone) {
      if schedule.days == .all || holidays.isWorkingDay(LocalDate(elapse, in: zone)) { return elapse }
      checked += 1
      if checked >= Self.searchLimit { return nil }
    }
    return nil
  }

  /// The runs due at `now` given when each schedule last ran (or was first seen).
  func due(lastRuns: [String: Date], now: Date) -> [DueRun] {
    schedules.compactMap { schedule in
      guard let last = lastRuns[schedule.id], var latest = nextElapse(of: schedule, after: last),
        latest <= now
      else { return nil }
      var elapses = 1
      while let following = nextElapse(of: schedule, after: latest), following <= now {
        latest = following
        elapses += 1
      }
      return DueRun(schedule: schedule.id, scheduledFor: latest, elapses: elapses)
    }
  }

  /// The earliest instant after `now` at which any schedule elapses.
  func nextInstant(after now: Date) -> (schedule: String, at: Date)? {
    schedules.compactMap { schedule in nextElapse(of: schedule, after: now).map { (schedule.id, $0) } }
      .min { $0.1 < $1.1 }
  }
}
