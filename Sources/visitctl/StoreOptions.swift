import ArgumentParser
import Control
import Foundation
import Operations
import Policy
import Store
import StoreOpening
import StoreSQLite

/// `--db PATH|URL`: which database the command works on.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The database: an SQLite file (default: $STATE_DIRECTORY/visitd.sqlite under systemd, else "
        + "./var/visitd.sqlite), or postgres://USER@HOST[:PORT]/DB."))
  var path: String?

  /// The database file's path, or its `postgres://` URL.
  var resolvedPath: String { DatabaseLocation.path(explicit: path) }

  /// Opens (creating and migrating when needed) the database; an SQLite file this user may not write opens for
  /// reading only, unless `writing` (then opening fails naming the file).
  func open(writing: Bool = false) throws -> any Storage {
    do {
      return try StoreOpening.open(resolvedPath, writing: writing)
    } catch {
      throw ValidationError("cannot open the database: \(error)")
    }
  }
}

/// The options of the commands that write facts: the database, and the rules the write re-plans with.
struct WriteOptions: ParsableArguments {
  @OptionGroup var store: StoreOptions

  @OptionGroup var rules: RulesOptions

  /// Opens (creating and migrating when needed) the database for writing.
  func open() throws -> any Storage { try store.open(writing: true) }

  /// Recording into the database now, re-planning with the rules found (with a warning when none are valid:
  /// the daemon or the next listing plans then).
  func recording(at clock: Date = Date()) throws -> FactRecording {
    let found = try? rules.load().1
    if found == nil {
      standardError("visitctl: no valid rules found; tasks are re-planned by the daemon or the next listing")
    }
    return FactRecording(store: try open(), rules: found, clock: clock)
  }
}

/// Writes a batch with its re-plan, tells a running daemon, and prints what changed.
enum FactWrite {
  /// Above this many households a notice says "anything changed" rather than listing them.
  static let noticeLimit = 2_000

  /// Records `batch` (rolled back when `dryRun`) with `options`' database and rules, and prints the summary
  /// (JSON when `json`) and the tasks it settled.
  static func run(_ batch: FactBatch, options: WriteOptions, dryRun: Bool = false, json: Bool = false) throws
  {
    let recording = try options.recording()
    try report(
      try recording.record(batch, dryRun: dryRun), databasePath: options.store.resolvedPath, json: json)
  }

  /// Tells a running daemon what a write changed (unless a dry run) and prints the summary (JSON when `json`),
  /// the tasks it settled, and a hint for each reached visit that settled nothing.
  static func report(_ recorded: RecordedFacts, databasePath: String, json: Bool) throws {
    let summary = recorded.summary
    if !summary.dryRun { notifyDaemon(households: summary.affectedHouseholds, databasePath: databasePath) }
    print(json ? try JSONText.encode(summary) : describe(summary))
    guard !json else { return }
    let settled = recorded.settled
    if !settled.isEmpty {
      let shown = settled.prefix(10).map { "\($0.id) (\($0.state.rawValue))" }
      let more = settled.count > shown.count ? " and \(settled.count - shown.count) more" : ""
      print("settled: " + shown.joined(separator: ", ") + more)
    }
    if recorded.update != nil {
      for visit in recorded.visitsSettlingNothing {
        print(
          "visit \(visit.id) settled no task: no open task of \(visit.household) accepts it; "
            + "see `visitctl explain \(visit.household)`")
      }
    }
  }

  /// Tells a daemon listening beside the database that the facts of `households` changed; an empty list (any
  /// household) when they are many. Does nothing when no daemon listens.
  static func notifyDaemon(households: [String], databasePath: String) {
    guard !households.isEmpty else { return }
    let path = ControlSocket.defaultPath(
      environment: ProcessInfo.processInfo.environment, databasePath: databasePath)
    let listed = households.count > noticeLimit ? [] : households
    ControlSocket.send(.factsChanged(listed), to: path)
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
