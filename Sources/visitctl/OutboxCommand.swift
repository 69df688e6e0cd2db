import ArgumentParser
import Delivery
import Foundation
import Logging
import Operations
import Policy
import Store

/// `visitctl outbox`: lists the outbox, retries a dead row, or runs delivery by hand.
struct OutboxCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outbox", abstract: "List, retry and deliver the messages waiting for people.",
    subcommands: [OutboxList.self, OutboxRetry.self, OutboxDeliver.self], defaultSubcommand: OutboxList.self)
}

/// `visitctl outbox [--state S] [--json]`.
struct OutboxList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List outbox rows, newest first.")

  @Option(help: "Only rows in this state: \(OutboxState.allCases.map(\.rawValue).joined(separator: ", ")).")
  var state: String?

  @Option(help: "At most this many rows.")
  var limit = 50

  @Flag(help: "Print JSON.")
  var json = false

  @OptionGroup var store: StoreOptions

  func run() throws {
    let filter = try state.map { word in
      guard let state = OutboxState(rawValue: word) else {
        throw ValidationError(
          "'\(word)' is not a state; expected one of \(OutboxState.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
      return state
    }
    let rows = try store.open().outboxRows(state: filter, limit: limit)
    print(json ? try JSONText.encode(rows) : OutboxTable.text(rows))
  }
}

/// `visitctl outbox retry ID`.
struct OutboxRetry: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "retry", abstract: "Make a dead (or waiting) row due now, with a fresh age.")

  @Argument(help: "The row id, as `visitctl outbox` lists it.")
  var id: Int64

  @OptionGroup var store: StoreOptions

  func run() throws {
    guard try store.open(writing: true).retryOutbox(id: id, now: Date()) else {
      throw ValidationError("no dead or pending outbox row #\(id)")
    }
    print("outbox #\(id) is due now; the daemon (or `visitctl outbox deliver`) sends it")
  }
}

/// `visitctl outbox deliver [--until-empty]`: one delivery pass (or passes until nothing is left).
struct OutboxDeliver: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deliver", abstract: "Deliver the due rows now, as the daemon would.")

  @Option(help: "The configuration file.")
  var config = "/etc/visitd/visitd.toml"

  @Flag(help: "Keep going (sleeping until the next attempt) until no row is pending or in flight.")
  var untilEmpty = false

  @Flag(help: "Print JSON.")
  var json = false

  @OptionGroup var store: StoreOptions

  func run() async throws {
    let database = try store.open(writing: true)
    let settings = try DeliveryConfigLoader().load(path: config)
    let worker = try OutboxWorker(
      store: database, config: settings, logger: Logger(label: "visitctl.outbox"))
    var total = DeliveryPass()
    repeat {
      total.add(await worker.deliverDue(now: Date()))
      guard untilEmpty, let next = worker.nextAttempt() else { break }
      let wait = min(max(next.timeIntervalSinceNow, 0.05), 60)
      try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
    } while true
    await worker.shutdown()
    print(json ? try JSONText.encode(total) : OutboxTable.text(total))
  }
}

/// Plain-text listings of the outbox.
enum OutboxTable {
  /// One line per row: id, state, attempts, key, receiver label, last error.
  static func text(_ rows: [OutboxRow]) -> String {
    guard !rows.isEmpty else { return "the outbox is empty" }
    return rows.map { row in
      let audience = Audience(word: row.audience)?.chineseName ?? row.audience
      var line = "#\(row.id)  \(row.state.rawValue)  attempts \(row.attempts)  \(audience)  \(row.key)"
      if let next = row.nextAttempt, row.state == .pending { line += "  next \(next.formatted(.iso8601))" }
      if let error = row.lastError { line += "\n    \(error)" }
      return line
    }.joined(separator: "\n")
  }

  /// A pass's counts.
  static func text(_ pass: DeliveryPass) -> String {
    "claimed \(pass.claimed), delivered \(pass.delivered), retried \(pass.retried), deferred \(pass.deferred), "
      + "dead \(pass.dead), possible duplicates \(pass.possibleDuplicates)"
  }
}
