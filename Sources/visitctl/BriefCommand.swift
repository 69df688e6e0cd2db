import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// `visitctl brief HOUSEHOLD`: what a steward reads before the visit (访前准备).
struct BriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "brief",
    abstract:
      "Prepare a visit (访前准备): what it is owed for, the last contacts and what they found, open tickets, "
      + "the information still missing.")

  @Argument(help: "The household code.")
  var household: String

  @Option(help: "How many of the last contacts to show.")
  var lastContacts = 5

  @OptionGroup var options: ReadOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() throws {
    let (_, rules) = try options.rules.load()
    guard
      let brief = try VisitBrief.load(
        store: try options.store.open(), rules: rules, household: household, clock: Date(),
        stored: options.stored,
        contacts: options.contacts, lastContacts: lastContacts)
    else { throw ValidationError("'\(household)' is not a known household") }
    print(json ? try JSONText.encode(brief) : brief.text)
  }
}
