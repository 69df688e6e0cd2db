import ArgumentParser
import Foundation
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
    guard task.split(separator: "/").count >= 4 else {
      throw ValidationError("'\(task)' is not a task id; expected HOUSEHOLD/RULE/ANCHOR/ORDINAL")
    }
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--reason is empty")
    }
    var batch = FactBatch()
    batch.waivers = [Waiver(task: task, reason: reason, at: Date())]
    try FactWrite.run(batch, store: try store.open(), rules: store.rules, json: json)
  }
}
