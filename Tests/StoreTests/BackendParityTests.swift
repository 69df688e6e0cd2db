import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store
import Testing

/// The shipped demo year, planned and run through every schedule on each backend, leaves the same tasks and
/// the same outbox keys: the PostgreSQL store is a drop-in for the SQLite one.
@Suite struct BackendParityTests {
  @Test func theDemoYearGivesTheSameTasksAndOutboxKeysOnBothBackends() throws {
    let folder = TempFolder()
    let rules = PlanStampTests.rules
    let morning = Seed.instant("2026-11-27 09:00")
    var tasks: [StoreBackend: [VisitTask]] = [:]
    var keys: [StoreBackend: [String]] = [:]
    for backend in StoreBackend.allCases {
      let store = try backend.open(in: folder)
      #expect(try DemoSeed.seedIfEmpty(store, rules: rules, now: morning))
      let current = try CurrentPlan.load(store: store, rules: rules, at: morning, refresh: true)
      let notices = ScheduleNotices(rules: rules, facts: current.facts, plan: current.plan)
      for schedule in rules.schedules {
        let entries = try notices.entries(for: schedule, at: morning)
        try store.recordRun(schedule: schedule.id, scheduledFor: morning, entries: entries)
      }
      tasks[backend] = try store.tasks(household: nil)
      keys[backend] = try store.outboxRows(state: nil, limit: 1_000_000).map(\.key).sorted()
    }
    #expect(tasks[.sqlite]?.count ?? 0 > 1_000, "the demo plans a year of tasks")
    #expect(keys[.sqlite]?.isEmpty == false, "the schedules enqueue messages")
    #expect(tasks[.postgres] == tasks[.sqlite])
    #expect(keys[.postgres] == keys[.sqlite])
  }
}
