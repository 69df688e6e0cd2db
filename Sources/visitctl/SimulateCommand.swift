import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy

/// `visitctl simulate`: the policy in action, day by day, over facts read from a CSV folder.
struct SimulateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "simulate",
    abstract:
      "Run the planner day by day over a period on a CSV folder (as demo generate writes) and print, month by "
      + "month, the plan per steward, what got done, overdue, the 15th spot check, the 25th summary and the ranking."
  )

  @Option(help: "The folder of fact CSV files.")
  var facts: String

  @Option(help: "The first day, YYYY-MM-DD.")
  var from: String

  @Option(help: "The last day, YYYY-MM-DD.")
  var to: String

  @OptionGroup var rules: RulesOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() throws {
    let first = try DateArguments.day(from, option: "--from")
    let last = try DateArguments.day(to, option: "--to")
    guard first <= last else { throw ValidationError("--from is after --to") }
    let (_, ruleSet) = try rules.load()
    let started = Date()
    let facts = try FactFolder.read(self.facts)
    let loaded = Date()
    let months = Simulation(rules: ruleSet, facts: facts, from: first, to: last).run()
    if json {
      print(try JSONText.encode(months))
    } else {
      print(months.map(\.text).joined(separator: "\n\n"))
      let read = loaded.timeIntervalSince(started)
      let ran = Date().timeIntervalSince(loaded)
      print(
        "\n\(facts.households.count) households, \(last.dayNumber - first.dayNumber + 1) days: facts read in "
          + "\(String(format: "%.2f", read)) s, simulated in \(String(format: "%.2f", ran)) s")
    }
  }
}
