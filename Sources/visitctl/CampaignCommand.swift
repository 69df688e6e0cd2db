import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Planner
import Store

/// `visitctl campaign create`: an ad-hoc obligation over a project or some of its buildings.
struct CampaignCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "campaign", abstract: "Manage campaigns.", subcommands: [Create.self])

  /// `visitctl campaign create`.
  struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "create", abstract: "Create (or update) a campaign over a project or some buildings.")

    @Option(help: "The project id.")
    var project: String

    @Option(help: "Buildings, separated by commas (default: the whole project).")
    var buildings: String?

    @Option(help: "The campaign rule id.")
    var rule: String

    @Option(help: "The window's first day, YYYY-MM-DD.")
    var from: String

    @Option(help: "The window's last day, YYYY-MM-DD.")
    var to: String

    @Option(help: "The campaign id (default: RULE-PROJECT-FROM).")
    var id: String?

    @OptionGroup var store: WriteOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
      guard let first = LocalDate(parsing: from) else {
        throw ValidationError("--from '\(from)' is not a day")
      }
      guard let last = LocalDate(parsing: to) else { throw ValidationError("--to '\(to)' is not a day") }
      let chosen = buildings.map { list in
        Set(list.split { ",;、，".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) })
      }
      let recorded = try store.recording().createCampaign(
        id: id, rule: rule, project: project, buildings: chosen, first: first, last: last)
      try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
    }
  }
}
