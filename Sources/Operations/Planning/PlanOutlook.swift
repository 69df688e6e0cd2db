import CalendarSpec
import Foundation
import Planner
import Store

/// The stored plan seen at an instant: how many tasks are open and overdue, and when the next one changes
/// state by the clock alone (its window opens, or it passes its last day).
public struct PlanOutlook: Sendable, Equatable {
  /// Unsettled tasks whose window holds today.
  public var open = 0
  /// Unsettled tasks past their last day (grace included).
  public var overdue = 0
  /// The start of the first local day on which a task opens or goes overdue, nil when none will.
  public var nextChange: Date?
  /// Open and overdue tasks by project, every project of the store listed.
  public var byProject: [String: ProjectCounts] = [:]

  /// A project's open and overdue tasks.
  public struct ProjectCounts: Sendable, Equatable {
    /// Unsettled tasks whose window holds today.
    public var open = 0
    /// Unsettled tasks past their last day.
    public var overdue = 0
  }

  /// No task open or overdue, none to change.
  public init() {}

  /// Dates every unsettled stored task meeting [from, to] at `now` in its project's zone.
  public static func read(
    _ reader: any FactReading, horizon: ClosedRange<LocalDate>, zone fallback: TimeZone, now: Date
  ) throws -> PlanOutlook {
    let projects = try reader.facts(households: []).projects
    var days: [String: (today: Int, next: Int)] = [:]
    var outlook = PlanOutlook()
    for project in projects.keys { outlook.byProject[project] = ProjectCounts() }
    let (first, last) = (horizon.lowerBound.dayNumber, horizon.upperBound.dayNumber)
    try reader.forEachUnsettledWindow { project, opensDay, lastDay, count in
      let opens = opensDay.dayNumber
      let end = lastDay?.dayNumber
      guard opens <= last, (end ?? last) >= first else { return }
      var day = days[project] ?? (today(of: project, projects, fallback, now), Int.max)
      if opens > day.today {
        day.next = min(day.next, opens)
      } else if let end, end < day.today {
        outlook.overdue += count
        outlook.byProject[project, default: ProjectCounts()].overdue += count
      } else {
        outlook.open += count
        outlook.byProject[project, default: ProjectCounts()].open += count
        if let end { day.next = min(day.next, end + 1) }
      }
      days[project] = day
    }
    outlook.nextChange = days.compactMap { project, day -> Date? in
      guard day.next != Int.max else { return nil }
      let zone = projects[project]?.timeZone(fallback: fallback) ?? fallback
      return LocalDate(dayNumber: day.next).startInstant(in: zone)
    }.min()
    return outlook
  }

  private static func today(
    of project: String, _ projects: [String: Project], _ fallback: TimeZone, _ now: Date
  ) -> Int {
    LocalDate(now, in: projects[project]?.timeZone(fallback: fallback) ?? fallback).dayNumber
  }
}
