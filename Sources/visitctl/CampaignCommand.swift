import ArgumentParser
import CalendarSpec
import Foundation
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
      guard first <= last else { throw ValidationError("--from is after --to") }
      let database = try store.open()
      let catalog = try database.catalog(withHouseholds: false)
      guard catalog.projectZones[project] != nil else {
        throw ValidationError("'\(project)' is not a known project")
      }
      let chosen = try buildingSet(catalog)
      var batch = FactBatch()
      batch.campaigns = [
        Campaign(
          id: id ?? "\(rule)-\(project)-\(first)", rule: rule, project: project, buildings: chosen,
          from: first, to: last)
      ]
      try FactWrite.run(batch, store: database, rules: store.rules, json: json)
    }

    private func buildingSet(_ catalog: Catalog) throws -> Set<String>? {
      guard let buildings else { return nil }
      let known = Set(catalog.areas.values.filter { $0.project == project }.flatMap(\.buildings))
      let chosen = Set(
        buildings.split { ",;、，".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) })
      let unknown = chosen.subtracting(known).sorted()
      guard unknown.isEmpty else {
        throw ValidationError("not buildings of \(project): \(unknown.joined(separator: ", "))")
      }
      return chosen
    }
  }
}
