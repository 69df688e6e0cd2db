import ArgumentParser
import Foundation
import Store

/// `--db PATH`: which database the command works on.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help:
      "The database file (default: $STATE_DIRECTORY/visitd.sqlite under systemd, else ./var/visitd.sqlite).")
  var path: String?

  /// Opens (creating and migrating when needed) the database.
  func open() throws -> SQLiteStore {
    do {
      return try SQLiteStore(path: DatabaseLocation.path(explicit: path))
    } catch {
      throw ValidationError("cannot open the database: \(error)")
    }
  }
}

/// The options of the commands that write facts: the database, and the rules the write re-plans with.
struct WriteOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions

  @OptionGroup var rules: RulesOptions

  /// Opens (creating and migrating when needed) the database.
  func open() throws -> SQLiteStore { try store.open() }
}

/// Writes a batch with the re-plan hook, then prints what changed.
enum FactWrite {
  /// Writes `batch` (rolled back when `dryRun`) re-planning with `rules`, and prints the summary (JSON when
  /// `json`) and the tasks it settled.
  static func run(
    _ batch: FactBatch, store: SQLiteStore, rules: RulesOptions, dryRun: Bool = false, json: Bool = false
  ) throws {
    let hook = dryRun ? nil : Replan.hook(rules: rules)
    let (summary, update) = try store.write(batch, dryRun: dryRun, replan: hook)
    try report(summary, update: update, databasePath: store.path, json: json)
  }

  /// Tells a running daemon what a write changed (unless a dry run) and prints the summary (JSON when `json`)
  /// and the tasks it settled.
  static func report(_ summary: WriteSummary, update: PlanUpdate?, databasePath: String, json: Bool) throws {
    if !summary.dryRun {
      Replan.notifyDaemon(households: summary.affectedHouseholds, databasePath: databasePath)
    }
    let changes = update?.changes ?? []
    print(json ? try JSONText.encode(summary) : describe(summary))
    let settled = changes.filter { $0.kind == .settled }
    if !json && !settled.isEmpty {
      let shown = settled.prefix(10).map { "\($0.task.id) (\($0.task.state.rawValue))" }
      let more = settled.count > shown.count ? " and \(settled.count - shown.count) more" : ""
      print("settled: " + shown.joined(separator: ", ") + more)
    }
  }

  /// The summary as lines people read.
  static func describe(_ summary: WriteSummary) -> String {
    var lines: [String] = []
    for (title, counts) in [("added", summary.added), ("updated", summary.updated)] where !counts.isEmpty {
      lines.append(
        "\(title): "
          + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    if lines.isEmpty { lines.append("nothing changed") }
    lines.append("households to re-plan: \(summary.affectedHouseholds.count)")
    if summary.dryRun { lines.append("dry run: nothing was written") }
    return lines.joined(separator: "\n")
  }
}

/// JSON output of the commands: sorted keys, pretty-printed, ISO 8601 dates.
enum JSONText {
  /// `value` as JSON text.
  static func encode(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}
