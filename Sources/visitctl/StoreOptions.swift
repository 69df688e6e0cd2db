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

/// Writes a batch with the re-plan hook, then prints what changed.
enum FactWrite {
  /// Writes `batch` (rolled back when `dryRun`) and prints the summary, as JSON when `json`.
  static func run(_ batch: FactBatch, store: SQLiteStore, dryRun: Bool = false, json: Bool = false) throws {
    let summary = try store.write(batch, dryRun: dryRun, replan: Replan.changes(after:))
    let changes = try Replan.afterCommit(summary, store: store)
    print(json ? try JSONText.encode(summary) : describe(summary))
    let settled = changes.filter { $0.kind == .settled }
    if !json && !settled.isEmpty {
      print("settled: " + settled.map { "\($0.task.id) (\($0.task.state.rawValue))" }.joined(separator: ", "))
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
