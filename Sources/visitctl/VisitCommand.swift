import ArgumentParser
import Foundation
import Operations
import Planner
import Store

/// `visitctl visit record HOUSEHOLD …`: records a visit or attempt and what it captured.
struct VisitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "visit", abstract: "Record visits, or void one entered by mistake.",
    subcommands: [Record.self, Void.self])

  /// `visitctl visit void ID`: the same as `visitctl void visit ID`.
  struct Void: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "void", abstract: VoidCommand.VoidVisit.configuration.abstract)

    @Argument(help: "The visit id.")
    var id: String

    @OptionGroup var correction: CorrectionOptions

    func run() throws { try VoidCommand.VoidVisit.void(id, correction) }
  }

  /// `visitctl visit record`.
  struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "record",
      abstract: "Record a visit or an attempt with every field of the register (访谈登记表).")

    @Argument(help: "The household code.")
    var household: String

    @Option(help: "\(ValueWords.channelsExpected).")
    var channel: String

    @Option(help: "\(ValueWords.kindsExpected).")
    var kind = "basic"

    @Option(help: "When: '2027-03-10 18:05', in the project's zone; never in the future.")
    var at: String

    @Option(help: "\(ValueWords.outcomesExpected).")
    var outcome = "reached"

    @Option(help: "\(ValueWords.intervieweesExpected).")
    var interviewee = "owner"

    @Option(help: "The steward who made the contact.")
    var steward: String

    @Option(help: "The visit id (default: HOUSEHOLD@seconds).")
    var id: String?

    @Option(help: "Family information captured (家庭成员).")
    var family: String?

    @Option(help: "A contact captured or corrected (联系方式).")
    var contact: String?

    @Option(help: "The owner's gender (性别).")
    var gender: String?

    @Option(help: "The state of the house (房屋状态).")
    var houseState: String?

    @Option(help: "Hobbies captured (兴趣爱好).")
    var hobbies: String?

    @Option(help: "Pets captured (宠物).")
    var pets: String?

    @Option(help: "A need collected (需求); give its --category.")
    var needs: String?

    @Option(help: "The category of --needs (an id or title of the settings' feedback categories).")
    var category: String?

    @Option(help: "Service feedback collected (评价); give its --feedback-category.")
    var feedback: String?

    @Option(help: "The category of --feedback.")
    var feedbackCategory: String?

    @Option(help: "Ratings 1-5 by dimension: overall=4,cleaning=3.")
    var rate: String?

    @Option(help: "Ticket numbers raised, comma-separated (访谈-…).")
    var ticket: String?

    @OptionGroup var store: WriteOptions

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
      let recording = try store.recording()
      do {
        let recorded = try recording.recordVisit(try entry())
        try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
      } catch let error as VisitEntryError {
        throw ValidationError(
          error.problems.map { "--\(Self.options[$0.field] ?? $0.field): \($0.message)" }.joined(
            separator: "\n"))
      }
    }

    /// The option that gives each field of the entry.
    private static let options = [
      "ratings": "rate", "tickets": "ticket", "at": "at", "household": "household",
    ]

    private func entry() throws -> VisitEntry {
      var entry = VisitEntry(
        household: household, at: at, channel: try word(channel, ValueWords.channels, "channel"),
        steward: steward)
      entry.id = id
      entry.kind = try word(kind, ValueWords.kinds, "kind")
      entry.outcome = try word(outcome, ValueWords.outcomes, "outcome")
      entry.interviewee = try word(interviewee, ValueWords.interviewees, "interviewee")
      let information: [(InfoField, String?)] = [
        (.name, family), (.contact, contact), (.gender, gender), (.houseState, houseState),
        (.hobbies, hobbies),
        (.pets, pets),
      ]
      for case (let field, let text?) in information { entry.information[field] = text }
      entry.needs = try remark(needs, category, "--needs", "--category")
      entry.feedback = try remark(feedback, feedbackCategory, "--feedback", "--feedback-category")
      entry.ratings = try ratings()
      entry.tickets =
        ticket.map { $0.split { ",;、，".contains($0) }.map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
      return entry
    }

    private func word<T>(_ text: String, _ words: [String: T], _ option: String) throws -> T {
      guard let value = words[text.lowercased()] else {
        throw ValidationError(
          "--\(option): '\(text)' is not one of \(words.keys.sorted().joined(separator: "/"))")
      }
      return value
    }

    private func remark(_ text: String?, _ category: String?, _ option: String, _ categoryOption: String)
      throws
      -> [VisitEntry.Remark]
    {
      switch (text, category) {
      case (nil, nil): return []
      case (let text?, let category?): return [VisitEntry.Remark(text: text, category: category)]
      case (_?, nil): throw ValidationError("\(option) needs \(categoryOption)")
      case (nil, _?): throw ValidationError("\(categoryOption) is given without \(option)")
      }
    }

    private func ratings() throws -> [String: Int] {
      var ratings: [String: Int] = [:]
      for item in (rate ?? "").split(whereSeparator: { ",;".contains($0) }) {
        let parts = item.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2, let score = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
          throw ValidationError("--rate: '\(item)' is not a rating; expected dimension=score like overall=4")
        }
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        guard ratings[name] == nil else { throw ValidationError("--rate: \(name) is rated twice") }
        ratings[name] = score
      }
      return ratings
    }
  }
}
