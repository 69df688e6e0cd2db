import Foundation
import Planner
import Policy
import Store

/// A visit or attempt as a person enters it, field by field: the register's (《客服访谈信息登记表》) fields.
public struct VisitEntry: Sendable {
  /// A need or a piece of feedback with its category.
  public struct Remark: Sendable {
    /// What the owner said.
    public var text: String
    /// The category's id or title (the settings' feedback categories).
    public var category: String

    /// `text` in `category`.
    public init(text: String, category: String) {
      self.text = text
      self.category = category
    }
  }

  /// The visit id; derived from the household and the instant when nil.
  public var id: String?
  /// The household code.
  public var household: String
  /// When, as local time in the project's zone (`2027-03-10 18:05`); never in the future.
  public var at: String
  /// How the contact was made.
  public var channel: Channel
  /// Basic or deep.
  public var kind: InterviewKind = .basic
  /// The steward who made the contact.
  public var steward: String
  /// Who was interviewed.
  public var interviewee: Interviewee = .owner
  /// Whether the owner was reached.
  public var outcome: VisitOutcome = .reached
  /// Owner and family information captured, by field.
  public var information: [InfoField: String] = [:]
  /// Needs collected.
  public var needs: [Remark] = []
  /// Service feedback collected.
  public var feedback: [Remark] = []
  /// Satisfaction 1–5 by dimension id or title.
  public var ratings: [String: Int] = [:]
  /// Ticket numbers raised (访谈-…).
  public var tickets: [String] = []

  /// A visit of `household` at `at` by `steward` over `channel`.
  public init(household: String, at: String, channel: Channel, steward: String) {
    self.household = household
    self.at = at
    self.channel = channel
    self.steward = steward
  }
}

/// What is wrong with an entered visit, field by field.
public struct VisitEntryError: Error, Sendable, CustomStringConvertible {
  /// Each problem: the field at fault (`household`, `at`, `steward`, `needs`, `feedback`, `ratings`, …) and why.
  public let problems: [(field: String, message: String)]

  /// The problems, one per line.
  public var description: String { problems.map { "\($0.field): \($0.message)" }.joined(separator: "\n") }
}

extension FactRecording {
  /// Checks `entry` against the store and the rules and records it with its re-plan; every problem found is
  /// reported at once, naming its field, and nothing is written then.
  public func recordVisit(_ entry: VisitEntry) throws -> RecordedFacts {
    var problems: [(field: String, message: String)] = []
    let context = try importContext(withHouseholds: false)
    let household = try store.household(entry.household)
    if household == nil { problems.append(("household", "'\(entry.household)' is not a known household")) }
    if !context.catalog.stewards.contains(entry.steward) {
      problems.append(("steward", "'\(entry.steward)' is not a known steward"))
    }
    var instant: Date?
    do {
      instant = try pastInstant(entry.at, zone: context.zone(ofProject: household?.project ?? ""))
    } catch { problems.append(("at", "\(error)")) }
    var captured = Captured()
    var details: [InfoField: String] = [:]
    for (field, text) in entry.information where !text.trimmingCharacters(in: .whitespaces).isEmpty {
      captured.infoChanged.insert(field)
      details[field] = text
    }
    var texts: [String] = []
    for (field, remarks, isNeed) in [("needs", entry.needs, true), ("feedback", entry.feedback, false)] {
      for remark in remarks {
        guard let category = context.category(remark.category) else {
          let known = context.categories.map(\.title).joined(separator: "/")
          problems.append((field, "'\(remark.category)' is not a feedback category; expected \(known)"))
          continue
        }
        captured.feedback.append(FeedbackItem(category: category, isNeed: isNeed))
        texts.append(remark.text)
      }
    }
    for (name, score) in entry.ratings.sorted(by: { $0.key < $1.key }) {
      guard let dimension = context.dimension(name) else {
        let known = context.dimensions.map(\.id).joined(separator: "/")
        problems.append(("ratings", "'\(name)' is not a rating dimension; expected \(known)"))
        continue
      }
      guard (1...5).contains(score) else {
        problems.append(("ratings", "\(score) for \(name) is not a score from 1 to 5"))
        continue
      }
      captured.ratings[dimension] = score
    }
    captured.tickets = entry.tickets
    let capturesSomething =
      !captured.infoChanged.isEmpty || !captured.feedback.isEmpty || !captured.ratings.isEmpty
    if entry.outcome != .reached && capturesSomething {
      problems.append(
        ("outcome", "an attempt (\(entry.outcome.rawValue)) cannot capture information, needs or ratings"))
    }
    guard problems.isEmpty, let household, let instant else { throw VisitEntryError(problems: problems) }
    let visit = Visit(
      id: entry.id ?? VisitRowParser.derivedID(household.id, instant), household: household.id, at: instant,
      channel: entry.channel, kind: entry.kind, steward: entry.steward, interviewee: entry.interviewee,
      outcome: entry.outcome, captured: captured)
    var batch = FactBatch()
    batch.visits = [VisitRecord(visit: visit, details: details, feedbackTexts: texts)]
    return try record(batch)
  }
}
