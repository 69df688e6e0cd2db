import CLinux
import CalendarSpec
import Foundation
import Logging
import Operations
import Planner
import Policy
import Store

/// What the daemon holds between wake-ups: the store, the rules in force, the schedules' last runs, and the
/// outlook of the stored plan. Facts and tasks stay in the database; they are read when a schedule runs.
struct DaemonCore {
  let store: any Storage
  let logger: Logger
  /// Whether this node plans and runs schedules (always, unless several nodes share the database).
  let leadership: Leadership
  private(set) var policy: PolicyState
  private(set) var outlook = PlanOutlook()
  private(set) var lastRuns: [String: Date] = [:]
  private(set) var rulesProblem: String?
  /// Whether a daily digest's run also puts each steward's coming week in their WeCom calendar (a
  /// `wecom-calendar` receiver is configured).
  var pushCalendars = false

  /// Opens the database, loads the rules, and makes sure the stored plan is the plan of the facts at `now`.
  static func start(
    store: any Storage, settings: DaemonSettings, leadership: Leadership, logger: Logger, now: Date
  ) throws -> DaemonCore {
    var stopwatch = Stopwatch(logger: logger)
    let policy = try PolicyState.load(settings.rulesDirectories, now: now, logger: logger)
    if settings.demoIfEmpty, try DemoSeed.seedIfEmpty(store, rules: policy.rules, now: now) {
      logger.info(
        "database was empty: loaded demo facts (\(DemoSeed.households) households in \(DemoSeed.projects) projects)"
      )
    }
    stopwatch.lap("database and rules")
    var core = DaemonCore(store: store, logger: logger, leadership: leadership, policy: policy)
    try core.bringPlanCurrent(now: now)
    stopwatch.lap("plan current")
    if leadership.isLeading { try core.loadScheduleRuns(now: now) }
    let households = try store.read { try $0.householdCount() }
    logger.info(
      "plan current: \(households) households, \(core.outlook.open) open, \(core.outlook.overdue) overdue")
    return core
  }

  /// Re-reads the rules; on problems keeps the old ones and says so.
  mutating func reloadRules(_ directories: [String], now: Date) {
    do {
      policy = try PolicyState.load(directories, now: now, logger: logger)
      rulesProblem = nil
      logger.info(
        "rules reloaded: \(policy.rules.rules.count) rules, \(policy.rules.schedules.count) schedules")
    } catch {
      rulesProblem = "rules invalid, running the previous ones"
      logger.error("reload refused; keeping the previous rules")
    }
    refresh(now: now)
  }

  /// After facts changed, a new day or a clock jump: plans again if the stored plan is stale, then re-reads
  /// the outlook. Writers re-plan what they change in their own transaction, so usually nothing is planned.
  mutating func refresh(now: Date) {
    do { try bringPlanCurrent(now: now) } catch { logger.error("re-plan failed: \(error)") }
  }

  /// This node has just become the leader: reads when each schedule last ran (another node may have run
  /// them) and brings the plan current.
  mutating func tookLead(now: Date) throws {
    try loadScheduleRuns(now: now)
    try bringPlanCurrent(now: now)
  }

  /// Plans every household again, in one write transaction, unless the stored tasks are the plan of the
  /// stored facts with these rules for this year (or another node leads: the leader plans); then reads the
  /// outlook at `now`.
  mutating func bringPlanCurrent(now: Date) throws {
    policy = policy.planning(at: now)
    let planning = StoredPlanning(rules: policy.rules, clock: now)
    if leadership.isLeading, !planning.isCurrent(try store.planStamp()) {
      // Every household at a new year, new rules or after an upgrade: tens of seconds at 1,000,000 (the loop's
      // WatchdogPass feeds the watchdog meanwhile).
      let started = ContinuousClock.now
      let update = try leaderWrite {
        try store.replan { reader in
          try planning.isCurrent(reader.planStamp()) ? nil : try planning.whole(reader).update
        }
      }
      DaemonMetrics.planned(ContinuousClock.now - started)
      if let update = update ?? nil {
        let kinds = update.kindCounts.map { "\($0.key.rawValue) \($0.value)" }
        logger.info("planned every household (\(kinds.sorted().joined(separator: ", ")))")
      }
      releaseMemory()
    }
    let horizon = policy.planner.from...policy.planner.to
    outlook = try store.read { reader in
      try PlanOutlook.read(reader, horizon: horizon, zone: policy.rules.settings.timeZone, now: now)
    }
    DaemonMetrics.outlook(outlook)
  }

  /// Runs every schedule due at `now`, recording each run with what it produced in one transaction.
  mutating func runDueSchedules(now: Date) throws -> [DueRun] {
    guard leadership.isLeading else { return [] }
    let due = policy.timetable.due(lastRuns: lastRuns, now: now)
    guard !due.isEmpty else { return [] }
    // Next year's holidays file missing from 1 November: the admin hears of it once a week (the key says which).
    if let alert = try HolidayNotices.entry(rules: policy.rules, at: now), try store.enqueue([alert]) > 0 {
      logger.warning("no holidays file for next year: told the admin (\(alert.key))")
    }
    let planner = policy.planner
    let (facts, plan) = try store.read { reader in
      let facts = try reader.loadFacts()
      let tasks = try reader.tasks(household: nil).filter(planner.overlaps)
      return (facts, planner.restore(tasks, facts: facts, at: now))
    }
    defer { releaseMemory() }
    for run in due {
      guard let schedule = policy.rules.schedules.first(where: { $0.id == run.schedule }) else { continue }
      var notices = try ScheduleNotices(rules: policy.rules, facts: facts, plan: plan)
        .entries(for: schedule, at: run.scheduledFor, now: now)
      if pushCalendars, case .dailyDigest = schedule.report {
        notices += try CalendarPush(rules: policy.rules, facts: facts, planner: planner, plan: plan)
          .entries(store: store, clock: now)
      }
      guard
        (try leaderWrite {
          try store.recordRun(schedule: run.schedule, scheduledFor: run.scheduledFor, entries: notices)
        }) != nil
      else { return [] }
      lastRuns[run.schedule] = run.scheduledFor
      DaemonMetrics.scheduleRan(run.schedule, lateness: now.timeIntervalSince(run.scheduledFor))
      logger.info(
        "schedule ran: \(notices.count) notice(s)",
        metadata: [
          "schedule": "\(run.schedule)", "scheduled-for": "\(run.scheduledFor)", "elapses": "\(run.elapses)",
        ])
    }
    return due
  }

  /// The result of a leader write; nil when it was refused because another node leads now (the node steps down).
  private func leaderWrite<T>(_ write: () throws -> T) throws -> T? {
    do {
      return try write()
    } catch let error as StoreError where error.isNotLeader {
      leadership.refused()
      return nil
    }
  }

  /// The next instant anything is due: a schedule, a task window opening or passing its last day, or the
  /// new year, whose plan is made at its first instant.
  func nextInstant(after now: Date) -> (what: String, at: Date)? {
    let schedule = policy.timetable.nextInstant(after: now).map { (what: $0.schedule, at: $0.at) }
    let task = outlook.nextChange.flatMap { $0 > now ? (what: "task windows", at: $0) : nil }
    // The stored plan does not know next year's windows: without this, a year whose tasks are all settled
    // would be planned again only when some schedule next woke the daemon.
    let zone = policy.rules.settings.timeZone
    let newYear = (what: "new year", at: policy.planner.to.adding(days: 1).startInstant(in: zone))
    return [schedule, task, newYear].compactMap { $0 }.min { $0.at < $1.at }
  }

  /// Today's date in the policy's zone.
  func today(_ now: Date) -> LocalDate { LocalDate(now, in: policy.rules.settings.timeZone) }

  /// The one-line STATUS=: open and overdue counts, the next due instant, and any rules or storage problem.
  func status(next: (what: String, at: Date)?, storageProblem: String? = nil) -> String {
    let holidays = HolidayStatus(policy.rules.holidays, at: Date(), zone: policy.rules.settings.timeZone)
    let problems = [rulesProblem, storageProblem, holidays.notice].compactMap { $0 }
    return StatusLine(
      outlook: outlook, next: next, zone: policy.rules.settings.timeZone,
      problem: problems.isEmpty ? nil : problems.joined(separator: "; ")
    ).text
  }

  /// Hands the memory of a big read back: SQLite's page caches and the C heap's free pages.
  private func releaseMemory() {
    store.releaseMemory()
    malloc_trim(0)
  }

  private mutating func loadScheduleRuns(now: Date) throws {
    for schedule in policy.rules.schedules {
      if let last = try store.lastRun(schedule: schedule.id) {
        lastRuns[schedule.id] = last
      } else {
        // First sight of a schedule: count from now, as systemd does for a new persistent timer.
        try store.recordRun(schedule: schedule.id, scheduledFor: now, entries: [])
        lastRuns[schedule.id] = now
      }
    }
  }
}
