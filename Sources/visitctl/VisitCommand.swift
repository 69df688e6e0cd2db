import ArgumentParser
import Foundation
import Store

/// `visitctl visit record HOUSEHOLD …`: records a visit or attempt and what it captured.
struct VisitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visit", abstract: "Record visits.", subcommands: [Record.self])

  /// `visitctl visit record`.
  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "record", abstract: "Record a visit or an attempt, checked like a visits.csv row.")

    @Argument(help: "The household code.")
    var household: String

    @Option(help: "in-home, phone, wechat or sms (入户/电话/微信/短信).")
    var channel: String

    @Option(help: "basic or deep (基础/深度).")
    var kind = "basic"

    @Option(help: "When: '2027-03-10 18:05', in the project's zone; never in the future.")
    var at: String

    @Option(help: "reached, not-reached or refused.")
    var outcome = "reached"

    @Option(help: "owner, family, tenant or other.")
    var interviewee = "owner"

    @Option(help: "The steward who made the contact.")
    var steward: String

    @Option(help: "Family information captured.")
    var family: String?

    @Option(help: "Hobbies captured.")
    var hobbies: String?

    @Option(help: "Pets captured.")
    var pets: String?

    @Option(help: "A need or feedback collected.")
    var needs: String?

    @Option(help: "The category of --needs (an id or title of the settings' feedback categories).")
    var category: String?

    @Option(help: "Ratings 1-5 by dimension: overall=4,cleaning=3.")
    var rate: String?

    @Option(help: "Ticket numbers raised, comma-separated (访谈-…).")
    var ticket: String?

    @OptionGroup var store: WriteOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
      let database = try store.open()
      var catalog = try database.catalog(withHouseholds: false)
      guard let household = try database.household(household) else {
        throw ValidationError("'\(self.household)' is not a known household")
      }
      catalog.households[household.id] = household.project
      let importer = FactImporter(
        kind: .visits, fileName: "visit record", context: ImportContext(catalog: catalog, now: Date()))
      let outcome = importer.read(fields: fields)
      guard outcome.issues.isEmpty else {
        let messages = outcome.issues.map { issue in
          (issue.column.map { "--\(option($0)): " } ?? "") + issue.message
        }
        throw ValidationError(messages.joined(separator: "\n"))
      }
      try FactWrite.run(outcome.batch, store: database, rules: store.rules, json: json)
    }

    private var fields: [String: String] {
      let values: [String: String?] = [
        "household": household, "at": at, "channel": channel, "kind": kind, "steward": steward,
        "interviewee": interviewee, "outcome": outcome, "family": family, "hobbies": hobbies, "pets": pets,
        "needs": needs, "category": category, "ratings": rate, "tickets": ticket,
      ]
      return values.compactMapValues { $0 }
    }

    private func option(_ column: String) -> String {
      let key = column.split(separator: "(").last.map { String($0.dropLast()) } ?? column
      return ["ratings": "rate", "tickets": "ticket"][key] ?? key
    }
  }
}
