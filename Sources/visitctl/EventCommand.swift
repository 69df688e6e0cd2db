import ArgumentParser
import Foundation
import Operations
import Planner
import Policy
import Store

/// `visitctl event KIND SUBJECT --at TIME [VALUE]`: records a dated household event or a ticket's closing.
struct EventCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "event",
    abstract: "Record a household event, state or grade change, or a ticket's closing.",
    discussion: """
      KIND is delivered, moved-in, renovation-permit, renovation-accepted, deposit-refunded, state (VALUE: \
      vacant/renovating/occupied or 空置/装修/入住), grade (VALUE: A-D) or ticket-closed (SUBJECT is the ticket).
      """)

  @Argument(help: "The event kind.")
  var kind: String

  @Argument(help: "The household code (the ticket number for ticket-closed).")
  var subject: String

  @Argument(help: "The new state or grade.")
  var value: String?

  @Option(help: "When: 2027-03-10, 2027/3/10 or '2027-03-10 18:05', in the project's zone.")
  var at: String

  @OptionGroup var store: WriteOptions

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    let recording = try store.recording()
    let recorded =
      kind == EventName.ticketClosed.rawValue
      ? try recording.recordTicketClosed(subject, at: at)
      : try recording.recordEvent(try Self.change(kind: kind, value: value), household: subject, at: at)
    try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
  }

  /// The history entry that event `kind` (with its `value` for a state or grade) records.
  static func change(kind: String, value: String?) throws -> HouseholdEntry.Change {
    switch kind {
    case "state":
      guard let value,
        let state = HouseholdState(rawValue: value)
          ?? ["空置": .vacant, "装修": .renovating, "入住": .occupied][value]
      else { throw ValidationError("state needs a VALUE: vacant, renovating or occupied (空置/装修/入住)") }
      return .state(state)
    case "grade":
      guard let value, let grade = Grade(rawValue: value.uppercased()) else {
        throw ValidationError("grade needs a VALUE: A, B, C or D")
      }
      return .grade(grade)
    default:
      guard let name = EventName(rawValue: kind), name.subject == .household else {
        throw ValidationError(
          "'\(kind)' is not an event; expected delivered, moved-in, renovation-permit, renovation-accepted, "
            + "deposit-refunded, state, grade or ticket-closed")
      }
      return .event(name)
    }
  }
}
