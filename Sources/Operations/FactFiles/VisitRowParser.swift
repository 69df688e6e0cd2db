import Foundation
import Planner
import Policy
import Store

/// Reads `visits.csv` rows into visits and attempts with what they captured.
struct VisitRowParser {
  var visits: [VisitRecord] = []
  var seen = SeenRows()
  private var clock = ZoneClock()

  mutating func read(_ row: inout CSVRow, context: ImportContext) {
    let household = row.required("household")
    let project = household.flatMap { context.catalog.households[$0] }
    if let household, project == nil {
      row.fail("household", "'\(household)' is not a known household; import households.csv first")
    }
    let at = row.instant("at", zone: context.zone(ofProject: project ?? ""), clock: &clock, now: context.now)
    if row.text("at").isEmpty { row.fail("at", "is empty; a value is required") }
    let contact = VisitContact(&row, context: context)
    let captured = CapturedText(&row, context: context)
    if let contact, contact.outcome != .reached, captured.hasContent {
      row.fail(
        row:
          "an attempt (\(ValueWords.chinese(contact.outcome))) cannot capture information, needs or ratings")
    }
    captured.checkTickets(&row, household: household ?? "", context: context)
    guard let household, let at, let contact, row.issues.isEmpty else { return }
    let id = row.text("visit").isEmpty ? VisitRowParser.derivedID(household, at) : row.text("visit")
    guard seen.isNew(id, &row, column: "visit", what: "visit \(id)") else { return }
    let visit = Visit(
      id: id, household: household, at: at, channel: contact.channel, kind: contact.kind,
      steward: contact.steward,
      interviewee: contact.interviewee, outcome: contact.outcome, captured: captured.captured)
    visits.append(VisitRecord(visit: visit, details: captured.details, feedbackTexts: captured.feedbackTexts))
  }

  /// `H0001@1773140700`: the household and the visit's instant, for files without visit ids.
  static func derivedID(_ household: String, _ at: Date) -> String {
    "\(household)@\(Int(at.timeIntervalSince1970))"
  }

}

/// How a contact was made and with whom.
private struct VisitContact {
  let channel: Channel
  let kind: InterviewKind
  let steward: String
  let interviewee: Interviewee
  let outcome: VisitOutcome

  init?(_ row: inout CSVRow, context: ImportContext) {
    let channel = row.parse("channel", what: "a channel", expected: ValueWords.channelsExpected) {
      ValueWords.channels[$0.lowercased()]
    }
    if row.text("channel").isEmpty { row.fail("channel", "is empty; a value is required") }
    let kind = row.parse("kind", what: "an interview kind", expected: ValueWords.kindsExpected) {
      ValueWords.kinds[$0.lowercased()]
    }
    let interviewee = row.parse(
      "interviewee", what: "an interviewee", expected: ValueWords.intervieweesExpected
    ) {
      ValueWords.interviewees[$0.lowercased()]
    }
    let outcome = row.parse("outcome", what: "an outcome", expected: ValueWords.outcomesExpected) {
      ValueWords.outcomes[$0.lowercased()]
    }
    let steward = row.required("steward")
    if let steward, !context.catalog.stewards.contains(steward) {
      row.fail("steward", "'\(steward)' is not a known steward; import stewards.csv first")
    }
    guard let channel, let steward else { return nil }
    self.channel = channel
    self.kind = kind ?? .basic
    self.steward = steward
    self.interviewee = interviewee ?? .owner
    self.outcome = outcome ?? .reached
  }
}
