import ArgumentParser
import Foundation
import Store

/// `visitctl steward assign AREA STEWARD --at TIME`: a steward takes over an area.
struct StewardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "steward", abstract: "Manage stewards' areas.", subcommands: [Assign.self])

  /// `visitctl steward assign`.
  struct Assign: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "assign", abstract: "Record that a steward takes over an area (kept as history).")

    @Argument(help: "The area id.")
    var area: String

    @Argument(help: "The steward id.")
    var steward: String

    @Option(help: "Since when, in the project's zone.")
    var at: String

    @OptionGroup var store: WriteOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
      let database = try store.open()
      let catalog = try database.catalog(withHouseholds: false)
      guard let project = catalog.areas[area]?.project else {
        throw ValidationError("'\(area)' is not a known area")
      }
      guard catalog.stewards.contains(steward) else {
        throw ValidationError("'\(steward)' is not a known steward")
      }
      let since = try LocalTime.instant(at, zone: catalog.projectZones[project] ?? "Asia/Shanghai")
      var batch = FactBatch()
      batch.assignments = [AreaAssignment(area: area, steward: steward, since: since)]
      try FactWrite.run(batch, store: database, rules: store.rules, json: json)
    }
  }
}
