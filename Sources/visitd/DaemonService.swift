import Control
import Delivery
import Foundation
import HTTPAPI
import Logging
import NIOPosix
import ServiceLifecycle
import Store
import Systemd

/// The daemon's service: start up, tell systemd READY, then sleep until something is due, do it, repeat.
final class DaemonService: Service, Sendable {
  private let settings: DaemonSettings
  private let openStore: @Sendable () throws -> any Storage
  private let opened: @Sendable (any Storage, DaemonService) throws -> Void
  private let rules: RulesInForce
  private let logger: Logger
  private let sleeper: Sleeper
  private let notifier = ServiceNotifier()

  /// A service for `settings` on the store `openStore` opens, putting the rules it loads in force in `rules`;
  /// `opened` is handed the store once the plan is current (the API starts serving it).
  init(
    settings: DaemonSettings, rules: RulesInForce, logger: Logger,
    openStore: @escaping @Sendable () throws -> any Storage,
    opened: @escaping @Sendable (any Storage, DaemonService) throws -> Void = { _, _ in }
  ) throws {
    self.settings = settings
    self.openStore = openStore
    self.opened = opened
    self.rules = rules
    self.logger = logger
    sleeper = try Sleeper(hangup: true)
  }

  func run() async throws {
    try await withGracefulShutdownHandler {
      try await serve()
    } onGracefulShutdown: { [sleeper] in
      sleeper.interrupt(.shutdown)
    }
  }

  private func serve() async throws {
    guard var core = await start() else { return logger.info("stopped before the database opened") }
    rules.set(core.policy.rules)
    let listener = try ControlListener(path: settings.controlSocket)
    defer { listener.remove() }
    listener.start { [sleeper] message in sleeper.interrupt(.control(message)) }
    // One HTTP client for the daemon's life: shutting one down goes through libdispatch's thread pool, whose
    // monitor timer then wakes the process every second, so a reload keeps it.
    let transport = AsyncHTTPTransport()
    var worker: OutboxWorker
    do { worker = try makeWorker(&core, transport) } catch {
      try? await transport.shutdown()
      throw error
    }
    notifier.ready(status: core.status(next: core.nextInstant(after: Date())))
    logger.info("ready", metadata: ["control-socket": "\(settings.controlSocket)"])
    let companions = companions(of: core)
    defer { for companion in companions { companion.cancel() } }
    do {
      try await loop(&core, worker: &worker, transport: transport)
    } catch {
      await worker.shutdown()
      try? await transport.shutdown()
      throw error
    }
    notifier.stopping(status: "stopping")
    core.leadership.resign()
    await worker.shutdown()
    try? await transport.shutdown()
    logger.info("stopped")
  }

  /// What runs beside the loop on a shared database: the leader heartbeat, and the listener for facts that
  /// other nodes changed; each wakes the loop.
  private func companions(of core: DaemonCore) -> [Task<Void, Never>] {
    let sleeper = sleeper
    let beating = Task { await core.leadership.keepBeating { sleeper.interrupt(.leadershipChanged) } }
    guard let feed = core.store as? any FactChangeFeed else { return [beating] }
    let logger = logger
    let following = Task {
      await feed.followFactChanges(listening: { logger.debug("listening for other nodes' fact writes") }) {
        households in sleeper.interrupt(.control(.factsChanged(households)))
      }
    }
    return [beating, following]
  }

  /// Opens the database, loads the rules and brings the plan current; while that fails (a database that
  /// cannot be opened, migrated or written, rules invalid at start) it tries again with backoff instead of
  /// exiting into a restart loop: READY with the problem in STATUS=, the watchdog fed, SIGHUP tries at once.
  /// Nil when asked to stop meanwhile.
  private func start() async -> DaemonCore? {
    var store: (any Storage)?
    var retry = StorageRetry()
    while true {
      let problem: StartProblem
      do {
        let opening = try store ?? openStore()
        store = opening
        do {
          let leadership = Leadership(store: opening, node: settings.node, logger: logger)
          leadership.beat()
          let core = try DaemonCore.start(
            store: opening, settings: settings, leadership: leadership, logger: logger, now: Date())
          try opened(opening, self)
          let failures = retry.failures
          if retry.succeeded() { logger.notice("started after \(failures) failed attempt(s)") }
          return core
        } catch {
          problem = .cannotStart(error)
        }
      } catch {
        problem = .cannotOpen(settings.databasePath, error)
      }
      let next = retry.failed(at: Date())
      logger.error("\(problem); trying again at \(next)")
      notifier.ready(status: problem.status(attempts: retry.failures, retryIn: next.timeIntervalSinceNow))
      guard await waitForRetry(until: next) else { return nil }
    }
  }

  /// Sleeps until `deadline`, feeding the watchdog; false when asked to stop, true at the deadline or on SIGHUP.
  private func waitForRetry(until deadline: Date) async -> Bool {
    while true {
      if Watchdog.interval != nil { notifier.watchdog() }
      let wakes = await sleeper.sleepDetached(until: deadline, watchdogEvery: Watchdog.pingInterval)
      if wakes.contains(.interrupted(.shutdown)) { return false }
      if wakes.contains(.interrupted(.control(.reload))) || Date() >= deadline { return true }
    }
  }

  private func loop(_ core: inout DaemonCore, worker: inout OutboxWorker, transport: AsyncHTTPTransport)
    async throws
  {
    var lastDay = core.today(Date())
    var storage = StorageRetry()
    var pacing = RefreshPacing()
    var pass = WatchdogPass.begin(notifier: notifier)
    defer { pass.end() }
    while true {
      let now = Date()
      if core.today(now) != lastDay || core.outlook.nextChange.map({ $0 <= now }) ?? false
        || pacing.isDue(at: now)
      {
        await refresh(&core, pacing: &pacing)
        lastDay = core.today(now)
      }
      if storage.mayTry(at: now) {
        do {
          _ = try await offLoop(&core) { try $0.runDueSchedules(now: now) }
          if storage.succeeded() { logger.notice("storage works again; schedules run") }
        } catch {
          // A full disk or a read-only database must not turn into a restart loop: say so, retry later.
          let retry = storage.failed(at: now)
          logger.error("a schedule run could not be stored; retrying at \(retry): \(error)")
        }
      }
      // Delivery yields to the next schedule (or window change), and the loop comes back to the rest at once.
      _ = await worker.deliverDue(now: now, until: core.nextInstant(after: now)?.at)
      let next = [
        core.nextInstant(after: now), worker.nextAttempt().map { (what: "outbox", at: $0) },
        storage.retryAt.map { (what: "storage retry", at: $0) },
        pacing.due.map { (what: "changed facts", at: $0) },
      ].compactMap { $0 }.min { $0.at < $1.at }
      notifier.status(core.status(next: next, storageProblem: storage.problem))
      pass.end()
      if Watchdog.interval != nil { notifier.watchdog() }
      let wakes = await sleeper.sleepDetached(until: next?.at, watchdogEvery: Watchdog.pingInterval)
      pass = WatchdogPass.begin(notifier: notifier)
      switch try await handle(wakes, core: &core, worker: &worker, transport: transport) {
      case .stop: return
      case .refreshNow: await refresh(&core, pacing: &pacing)
      case .refreshPaced: if pacing.noticed(at: Date()) { await refresh(&core, pacing: &pacing) }
      case .goOn: break
      }
    }
  }

  /// Reads the outlook again (planning first when the stored plan is stale), timed for `pacing`.
  private func refresh(_ core: inout DaemonCore, pacing: inout RefreshPacing) async {
    let started = ContinuousClock.now
    // refresh logs its failures and does not throw; the pool runs while the daemon does.
    _ = try? await offLoop(&core) { $0.refresh(now: Date()) }
    pacing.refreshed(endingAt: Date(), after: (ContinuousClock.now - started).seconds)
  }

  /// Runs `body` on `core` on NIO's blocking thread pool. The loop's reads and writes block for as long as the
  /// store takes (a second and more at 1,000,000 households); run on the task's own thread, one of the event
  /// loops, they would hold up every API request that loop serves.
  private func offLoop<T: Sendable>(
    _ core: inout DaemonCore, _ body: @escaping @Sendable (inout DaemonCore) throws -> T
  ) async throws -> T {
    let (updated, result) = try await NIOThreadPool.singleton.runIfActive { [core] in
      var working = core
      let result = try body(&working)
      return (working, result)
    }
    core = updated
    return result
  }

  /// Tells the loop that a write elsewhere in the process (the API) changed these households.
  func factsChanged(_ households: [String]) { sleeper.interrupt(.control(.factsChanged(households))) }

  /// What the loop does after its wakes: stop, or read the outlook again at once, paced, or not.
  private enum Next { case stop, refreshNow, refreshPaced, goOn }

  private func handle(
    _ wakes: [Wake], core: inout DaemonCore, worker: inout OutboxWorker, transport: AsyncHTTPTransport
  ) async throws -> Next {
    // Notices that arrive together are taken together: one refresh for any number of them; notices of changed
    // facts are paced (`RefreshPacing`), a clock set is not.
    var clockSet = false
    var refresh = false
    var changed = Set<String>()
    var anyHousehold = false
    for wake in wakes {
      switch wake {
      case .deadline, .watchdog: break
      case .clockChanged:
        logger.notice("the wall clock was set; computing the next due instant again")
        clockSet = true
      case .interrupted(.shutdown): return .stop
      case .interrupted(.leadershipChanged):
        guard core.leadership.isLeading else { break }
        do { try await offLoop(&core) { try $0.tookLead(now: Date()) } } catch {
          logger.error("could not take up the lead: \(error)")
        }
      case .interrupted(.control(.reload)): await reload(&core, worker: &worker, transport: transport)
      case .interrupted(.control(.factsChanged(let households))):
        refresh = true
        if households.isEmpty { anyHousehold = true } else { changed.formUnion(households) }
      }
    }
    if !changed.isEmpty || anyHousehold {
      logger.debug(
        "facts changed: \(anyHousehold ? "any household" : "\(changed.count) household(s)")",
        metadata: changed.count == 1 ? ["household": "\(changed.first ?? "")"] : [:])
    }
    return clockSet ? .refreshNow : refresh ? .refreshPaced : .goOn
  }

  private func reload(_ core: inout DaemonCore, worker: inout OutboxWorker, transport: AsyncHTTPTransport)
    async
  {
    notifier.reloading(status: "reloading rules and receivers")
    core.reloadRules(settings.rulesDirectories, now: Date())
    rules.set(core.policy.rules)
    do {
      let fresh = try makeWorker(&core, transport)
      await worker.shutdown()
      worker = fresh
    } catch {
      logger.error("receivers not reloaded, keeping the previous ones: \(error)")
    }
    notifier.ready(status: core.status(next: core.nextInstant(after: Date())))
  }

  /// An outbox worker over the receivers file (everything to the journal when there is none); `core` pushes
  /// planned visits to calendars while the file has a `wecom-calendar` receiver.
  private func makeWorker(_ core: inout DaemonCore, _ transport: AsyncHTTPTransport) throws -> OutboxWorker {
    let config = try DeliveryConfigLoader(environment: settings.environment).load(
      path: settings.deliveryConfig)
    let worker = try OutboxWorker(store: core.store, config: config, transport: transport, logger: logger)
    core.pushCalendars = config.writesCalendars
    return worker
  }
}
