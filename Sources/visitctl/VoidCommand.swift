import ArgumentParser
import Foundation
import Operations
import Store

/// `visitctl void visit|waiver|event …`: voids a fact entered by mistake; history keeps it and the void.
struct VoidCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "void",
    abstract:
      "Void a visit, waiver or household event entered by mistake (kept in the history with the void).",
    subcommands: [VoidVisit.self, VoidWaiver.self, VoidEvent.self])

  /// `visitctl void visit ID` (also `visitctl visit void ID`).
  struct VoidVisit: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "visit", abstract: "Void a visit; the tasks it settled open again.")

    @Argument(help: "The visit id.")
    var id: String

    @OptionGroup var correction: CorrectionOptions

    func run() throws { try Self.void(id, correction) }

    /// Voids visit `id` as `correction` says.
    static func void(_ id: String, _ correction: CorrectionOptions) throws {
      let recording = try correction.store.recording()
      try correction.report(try recording.voidVisit(id, reason: correction.reason, by: correction.who))
    }
  }

  /// `visitctl void waiver TASK`.
  struct VoidWaiver: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "waiver", abstract: "Void the waiver of a task; the task is owed again.")

    @Argument(help: "The waived task's id.")
    var task: String

    @OptionGroup var correction: CorrectionOptions

    func run() throws {
      let recording = try correction.store.recording()
      try correction.report(
        try recording.voidWaiver(task: task, reason: correction.reason, by: correction.who))
    }
  }

  /// `visitctl void event HOUSEHOLD KIND [VALUE] --at T`.
  struct VoidEvent: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "event", abstract: "Void a household's event, state or grade recorded at an instant.")

    @Argument(help: "The household code.")
    var household: String

    @Argument(help: "The event kind, or state or grade (as `visitctl event` takes them).")
    var kind: String

    @Argument(help: "The state or grade.")
    var value: String?

    @Option(help: "When it was recorded as happening, in the project's zone.")
    var at: String

    @OptionGroup var correction: CorrectionOptions

    func run() throws {
      let change = try EventCommand.change(kind: kind, value: value)
      let recording = try correction.store.recording()
      try correction.report(
        try recording.voidEntry(
          change, household: household, at: at, reason: correction.reason, by: correction.who))
    }
  }
}

/// What every correction takes: why, who, and where to write.
struct CorrectionOptions: ParsableArguments {
  @Option(help: "Why the fact is voided.")
  var reason: String

  @Option(help: "Who voids it (default: the user running visitctl).")
  var by: String?

  @OptionGroup var store: WriteOptions

  @Flag(help: "Print the result as JSON.")
  var json = false

  /// `--by`, else the user behind sudo, else the user.
  var who: String {
    let environment = ProcessInfo.processInfo.environment
    return by ?? environment["SUDO_USER"] ?? environment["USER"] ?? "visitctl"
  }

  /// Prints what the void changed and tells a running daemon.
  func report(_ recorded: RecordedFacts) throws {
    try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
    if !json {
      let reopened = (recorded.update?.changes ?? []).filter {
        $0.previous?.state.isSettled == true && !$0.task.state.isSettled
      }
      for change in reopened { print("reopened: \(change.task.id) (\(change.task.state.rawValue))") }
    }
  }
}
