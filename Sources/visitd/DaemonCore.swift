import CalendarSpec
import Foundation
import Logging
import Planner
import Policy
import Store

/// What the daemon holds between wake-ups: the store, the rules in force, the facts and the current plan.
struct DaemonCore {
  let store: SQLiteStore
  let logger: Logger
  private(set) var policy: PolicyState
  private(set) var facts: Facts
  private(set) var plan: Plan
  private(set) var lastRuns: [String: Date]
  private(set) var rulesProblem: String?

  /// Opens the database, loads the rules and facts, and brings the plan up to `now`.
  static func start(settings: DaemonSettings, logger: Logger, now: Date) throws -> DaemonCore {
    var stopwatch = Stopwatch(logger: logger)
    let store = try SQLiteStore(path: settings.databasePath)
    let policy = try PolicyState.load(settings.rulesDirectories, now: now, logger: logger)
    if settings.demoIfEmpty { try DemoSeed.seedIfEmpty(store, rules: policy.rules, now: now, logger: logger) }
    stopwatch.lap("database and rules")
    let facts = try store.loadFacts()
    stopwatch.lap("facts loaded")
    let stored = policy.planner.restore(
      try store.tasks(household: nil).filter(policy.planner.overlaps), facts: facts, at: now)
    stopwatch.lap("stored tasks restored")
    let plan = policy.planner.plan(facts, at: now, previous: stored)
    stopwatch.lap("planned")
    var core = DaemonCore(
      store: store, logger: logger, policy: policy, facts: facts, plan: plan, lastRuns: [:], rulesProblem: nil
    )
    let changes = plan.changes(since: stored)
    try core.persist(changes)
    let kinds = Dictionary(grouping: changes, by: \.kind).map { "\($0.key.rawValue) \($0.value.count)" }
    stopwatch.lap("changes stored (\(kinds.sorted().joined(separator: ", ")))")
    try core.loadScheduleRuns(now: now)
    logger.info("plan current: \(facts.households.count) households, \(plan.count) tasks")
    return core
  }

  /// Re-reads the rules; on problems keeps the old ones and says so.
  mutating func reloadRules(_ directories: [String], now: Date) {
    do {
      policy = try PolicyState.load(directories, now: now, logger: logger)
      rulesProblem = nil
      replanAll(now: now)
      logger.info(
        "rules reloaded: \(policy.rules.rules.count) rules, \(policy.rules.schedules.count) schedules")
    } catch {
      rulesProblem = "rules invalid, running the previous ones"
      logger.error("reload refused; keeping the previous rules")
    }
  }

  /// Re-reads the facts and re-plans `households` (all when empty).
  mutating func refresh(households: [String], now: Date) {
    do {
      facts = try store.loadFacts()
      if households.isEmpty { return replanAll(now: now) }
      var updated = plan
      let changes = policy.planner.replan(households: households, in: facts, at: now, plan: &updated)
      plan = updated
      try persist(changes)
    } catch {
      logger.error("re-plan failed: \(error)")
    }
  }

  /// Plans everything again at `now` (a new day, new rules, or a year change).
  mutating func replanAll(now: Date) {
    policy = policy.planning(at: now)
    let next = policy.planner.plan(facts, at: now, previous: plan)
    let changes = next.changes(since: plan)
    plan = next
    do { try persist(changes) } catch { logger.error("storing the plan failed: \(error)") }
  }

  /// Runs every schedule due at `now`, recording each run with what it produced in one transaction.
  mutating func runDueSchedules(now: Date) throws -> [DueRun] {
    let due = policy.timetable.due(lastRuns: lastRuns, now: now)
    for run in due {
      guard let schedule = policy.rules.schedules.first(where: { $0.id == run.schedule }) else { continue }
      let notices = try ScheduleNotices(rules: policy.rules, facts: facts, plan: plan)
        .entries(for: schedule, at: run.scheduledFor)
      try store.recordScheduleRun(run.schedule, scheduledFor: run.scheduledFor, entries: notices)
      lastRuns[run.schedule] = run.scheduledFor
      logger.info(
        "schedule ran: \(notices.count) notice(s)",
        metadata: ["schedule": "\(run.schedule)", "scheduled-for": "\(run.scheduledFor)"])
    }
    return due
  }

  /// The next instant anything is due: a schedule, or a task window opening or passing its due date.
  func nextInstant(after now: Date) -> (what: String, at: Date)? {
    let schedule = policy.timetable.nextInstant(after: now).map { (what: $0.schedule, at: $0.at) }
    let task = TaskBoundaries.next(in: plan, facts: facts, zone: policy.rules.settings.timeZone, after: now)
      .map { (what: "task windows", at: $0) }
    return [schedule, task].compactMap { $0 }.min { $0.at < $1.at }
  }

  /// Today's date in the policy's zone.
  func today(_ now: Date) -> LocalDate { LocalDate(now, in: policy.rules.settings.timeZone) }

  /// The one-line STATUS=: open and overdue counts, the next due instant, and any rules problem.
  func status(next: (what: String, at: Date)?) -> String {
    StatusLine(plan: plan, next: next, zone: policy.rules.settings.timeZone, problem: rulesProblem).text
  }

  private func persist(_ changes: [TaskChange]) throws {
    guard !changes.isEmpty else { return }
    try store.apply(changes)
  }

  private mutating func loadScheduleRuns(now: Date) throws {
    for schedule in policy.rules.schedules {
      if let last = try store.lastRun(schedule: schedule.id) {
        lastRuns[schedule.id] = last
      } else {
        // First sight of a schedule: count from now, as systemd does for a new persistent timer.
        try store.recordRun(schedule: schedule.id, at: now)
        lastRuns[schedule.id] = now
      }
    }
  }
}
