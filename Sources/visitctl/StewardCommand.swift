import ArgumentParser
import Foundation
import Operations
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
      let recording = try store.recording()
      let recorded = try recording.assignSteward(steward, area: area, at: at)
      try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
    }
  }
}
