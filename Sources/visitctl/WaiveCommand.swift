import ArgumentParser
import Foundation
import Operations
import Planner
import Store

/// `visitctl waive TASK --reason R`: lets a task off; it then counts as handled, and waivers are reported.
struct WaiveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "waive", abstract: "Waive a task with a reason (owner refused, away, …).")

  @Argument(help: "The task id, e.g. H0001/vacant-quarterly/2026-Q1/1.")
  var task: String

  @Option(help: "Why the task is let off.")
  var reason: String

  @OptionGroup var store: WriteOptions

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    let recorded = try store.recording().waive(task: task, reason: reason)
    try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
  }
}
