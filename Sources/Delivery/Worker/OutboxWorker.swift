import CalendarSpec
import Foundation
import Logging
import Messages
import Policy
import Store

/// Delivers the outbox: claims due rows under a lease, renders, routes, sends, records.
///
/// The daemon calls `deliverDue(now:)` when `nextAttempt()` comes, and `shutdown()` on exit.
public actor OutboxWorker {
  private let store: any OutboxStore
  private let config: DeliveryConfig
  private let channels: [String: any DeliveryChannel]
  private let renderer: MessageRenderer
  private let backoff: Backoff
  private let redactor: Redactor
  private let logger: Logger
  private let clock: @Sendable () -> Date
  private let batchSize: Int
  private let ownedTransport: AsyncHTTPTransport?
  private var gate: SendGate

  /// A worker over `store`; without `transport` it opens (and owns) an AsyncHTTPClient.
  public init(
    store: any OutboxStore, config: DeliveryConfig, transport: (any HTTPTransport)? = nil, logger: Logger,
    batchSize: Int = 64, clock: @escaping @Sendable () -> Date = { Date() },
    random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
  ) throws {
    let owned = transport == nil ? AsyncHTTPTransport() : nil
    self.store = store
    self.config = config
    self.channels = ChannelFactory.channels(config, transport: transport ?? owned!, logger: logger)
    self.renderer = try MessageRenderer(overrides: config.templates, webBaseURL: config.webBaseURL)
    self.backoff = Backoff(policy: config.retry, random: random)
    self.redactor = Redactor(secrets: config.secrets)
    self.logger = logger
    self.clock = clock
    self.batchSize = max(1, batchSize)
    self.ownedTransport = owned
    self.gate = SendGate(config: config)
  }

  /// Delivers every row due at `now`, batch after batch, and says what happened; past `deadline` it claims no
  /// further batch (the rest stays due for the next pass), so a long backlog does not hold back what else is due.
  public func deliverDue(now: Date, until deadline: Date? = nil) async -> DeliveryPass {
    var pass = DeliveryPass()
    let cutoff = min(now, clock())  // rows held back in this pass are due after the clock, never again in it
    while deadline.map({ clock() < $0 }) ?? true {
      let claim: OutboxClaim
      do {
        claim = try store.claimDue(now: cutoff, limit: batchSize, lease: config.lease)
      } catch {
        logger.error("outbox claim failed: \(redactor.redact("\(error)"))")
        break
      }
      pass.dead += claim.deadLettered.count
      noticeDoubleDoubt(claim.deadLettered)
      if claim.rows.isEmpty && claim.deadLettered.isEmpty { break }
      pass.add(await process(claim.rows))
    }
    return pass
  }

  /// The earliest instant a row becomes due, nil when the outbox holds nothing to do.
  public nonisolated func nextAttempt() -> Date? {
    do {
      return try store.nextOutboxDue()
    } catch {
      logger.error("outbox: cannot read the next due instant: \(error)")
      return nil
    }
  }

  /// Closes the HTTP client the worker opened.
  public func shutdown() async {
    try? await ownedTransport?.shutdown()
  }

  private func process(_ rows: [ClaimedRow]) async -> DeliveryPass {
    var pass = DeliveryPass()
    pass.claimed = rows.count
    gate.startBatch()
    let now = clock()
    var results: [Int64: OutboxResult] = [:]
    var sends: [PreparedSend] = []
    for row in rows {
      switch prepare(row, at: now) {
      case .send(let send): sends.append(send)
      case .settle(let id, let result): results[id] = result
      }
    }
    sends = markSending(sends)
    pass.possibleDuplicates = sends.filter(\.claimed.possibleDuplicate).count
    for (id, result) in await send(sends) { results[id] = result }
    record(results, rows: rows, sent: Set(sends.map(\.id)), pass: &pass)
    return pass
  }

  private func prepare(_ claimed: ClaimedRow, at now: Date) -> RowPreparation {
    let id = claimed.row.id
    let message: OutboxMessage
    let rendered: RenderedMessage
    do {
      message = try OutboxMessage.decode(claimed.row.payload)
      rendered = try renderer.render(message, key: claimed.row.key)
    } catch {
      return .settle(id, .dead(error: "cannot render: \(redactor.redact("\(error)"))"))
    }
    let receiver: String
    switch config.destination(for: message) {
    case .success(let name): receiver = name
    case .failure(let error): return .settle(id, .dead(error: redactor.redact(error.message)))
    }
    guard let channel = channels[receiver] else {
      return .settle(id, .dead(error: "no receiver named \(receiver)"))
    }
    if let until = gate.hold(receiver: receiver, urgent: message.urgent, at: now) {
      return .settle(id, .deferred(until: until))
    }
    return .send(PreparedSend(claimed: claimed, message: rendered, channel: channel))
  }

  /// Writes `sending` before anything leaves; returns the sends that may go (none if the write failed).
  private func markSending(_ sends: [PreparedSend]) -> [PreparedSend] {
    do {
      try store.markSending(sends.map(\.id), now: clock(), lease: config.lease)
    } catch {
      logger.error("outbox: cannot mark rows sending, not sending them: \(redactor.redact("\(error)"))")
      return []
    }
    for send in sends where send.claimed.possibleDuplicate {
      logger.warning(
        "possible duplicate: resending outbox #\(send.id) whose request may have left before a crash",
        metadata: ["outbox_key": "\(send.claimed.row.key)", "receiver": "\(send.channel.name)"])
    }
    return sends
  }

  private func send(_ sends: [PreparedSend]) async -> [Int64: OutboxResult] {
    await withTaskGroup(of: (ClaimedRow, String, DeliveryOutcome).self) { group in
      for send in sends {
        let now = clock()
        group.addTask { (send.claimed, send.channel.name, await send.channel.send(send.message, now: now)) }
      }
      var results: [Int64: OutboxResult] = [:]
      for await (row, receiver, outcome) in group {
        results[row.row.id] = classify(row, outcome, receiver: receiver)
      }
      return results
    }
  }

  private func classify(_ claimed: ClaimedRow, _ outcome: DeliveryOutcome, receiver: String) -> OutboxResult {
    let row = claimed.row
    let metadata: Logger.Metadata = ["outbox_key": "\(row.key)", "receiver": "\(receiver)"]
    DeliveryMetrics.attempted(receiver: receiver, outcome: outcome)
    switch outcome {
    case .delivered:
      logger.info("outbox #\(row.id) delivered", metadata: metadata)
      return .delivered
    case .retry(let minimum, let reason):
      let reason = redactor.redact(reason)
      let attempts = row.attempts + 1
      guard
        let next = backoff.nextAttempt(
          createdAt: row.createdAt, attempts: attempts, minimum: minimum, now: clock())
      else {
        logger.error("outbox #\(row.id) dead after \(attempts) attempts: \(reason)", metadata: metadata)
        return .dead(error: "gave up after \(attempts) attempts: \(reason)")
      }
      logger.warning("outbox #\(row.id) will retry: \(reason)", metadata: metadata)
      return .retry(at: next, error: reason)
    case .permanent(let reason):
      let reason = redactor.redact(reason)
      logger.error("outbox #\(row.id) dead: \(reason)", metadata: metadata)
      return .dead(error: reason)
    case .refused(let reason, let advice):
      let reason = redactor.redact(reason)
      logger.error("outbox #\(row.id) dead: \(receiver) refused: \(reason); \(advice)", metadata: metadata)
      return .dead(error: Self.refusedPrefix + receiver + ": " + reason + "；" + advice)
    }
  }

  private func record(
    _ results: [Int64: OutboxResult], rows: [ClaimedRow], sent: Set<Int64>, pass: inout DeliveryPass
  ) {
    var followUps: [OutboxEntry] = []
    for claimed in rows {
      let row = claimed.row
      guard let result = results[row.id] else { continue }
      pass.count(result.kind)
      let attempts = row.attempts + (sent.contains(row.id) ? 1 : 0)
      if case .dead(let error) = result, let notice = deadLetterEntry(row, attempts: attempts, error: error) {
        followUps.append(notice)
      }
    }
    do {
      try store.record(results, followUps: followUps)
    } catch {
      logger.error("outbox: cannot record outcomes: \(redactor.redact("\(error)"))")
    }
  }

  private func noticeDoubleDoubt(_ rows: [OutboxRow]) {
    guard !rows.isEmpty else { return }
    for row in rows {
      logger.error(
        "outbox #\(row.id) dead: its one resend may have left before another crash",
        metadata: ["outbox_key": "\(row.key)"])
    }
    do {
      try store.enqueue(
        rows.compactMap {
          deadLetterEntry($0, attempts: $0.attempts, error: $0.lastError ?? "in doubt twice")
        })
    } catch {
      logger.error("outbox: cannot enqueue dead-letter notices: \(redactor.redact("\(error)"))")
    }
  }

  /// The admin's notice of a dead row: one per row, except for a receiver the vendor refuses (an IP not
  /// allowed, a wrong secret), where every row fails alike: one notice per receiver and day.
  private func deadLetterEntry(_ row: OutboxRow, attempts: Int, error: String) -> OutboxEntry? {
    guard !row.key.hasPrefix(Self.deadLetterPrefix) else { return nil }
    if error.hasPrefix(Self.refusedPrefix) {
      let receiver = error.dropFirst(Self.refusedPrefix.count).prefix { $0 != ":" }
      let day = LocalDate(clock(), in: config.zone)
      let notice = DeadLetterNotice(
        id: row.id, key: row.key, channel: Audience(word: row.audience)?.chineseName ?? row.audience,
        attempts: attempts, error: error)
      let message = OutboxMessage(audience: .admin, project: nil, content: .deadLetter(notice), urgent: true)
      return try? message.entry(key: Self.deadLetterPrefix + "refused:\(receiver):\(day)", notBefore: clock())
    }
    let notice = DeadLetterNotice(
      id: row.id, key: row.key, channel: Audience(word: row.audience)?.chineseName ?? row.audience,
      attempts: attempts, error: error)
    let message = OutboxMessage(audience: .admin, project: nil, content: .deadLetter(notice))
    return try? message.entry(key: Self.deadLetterPrefix + "\(row.id)", notBefore: clock())
  }

  static let deadLetterPrefix = "dead-letter:"
  /// How a row dead because its receiver was refused starts its error.
  static let refusedPrefix = "refused by "
}

extension OutboxResult {
  var kind: OutboxResultKind {
    switch self {
    case .delivered: .delivered
    case .retry: .retry
    case .deferred: .deferred
    case .dead: .dead
    }
  }
}
