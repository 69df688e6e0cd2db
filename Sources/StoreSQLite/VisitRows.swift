import GRDB
import Planner
import Store

/// Writes a visit with its captured information, ratings and tickets; a stored visit is never rewritten.
enum VisitRows {
  static func insert(_ record: VisitRecord, writer: inout FactWriter) throws {
    let visit = record.visit
    try writer.require(
      "SELECT 1 FROM household WHERE id = ?", visit.household, "unknown household \(visit.household)")
    let added = try writer.insert(
      table: "visit",
      sql: """
        INSERT OR IGNORE INTO visit (id, household, at, channel, kind, steward, interviewee, outcome)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
      values: [
        .text(visit.id), .text(visit.household), .real(visit.at.timeIntervalSince1970),
        .text(visit.channel.rawValue), .text(visit.kind.rawValue), .text(visit.steward),
        .text(visit.interviewee.rawValue), .text(visit.outcome.rawValue),
      ])
    guard added else { return writer.forgetWritten() }
    writer.touch(household: visit.household)
    try insertCaptured(record, writer: &writer)
    writer.keep(visit)
  }

  private static func insertCaptured(_ record: VisitRecord, writer: inout FactWriter) throws {
    let visit = record.visit
    for field in visit.captured.infoChanged.sorted(by: { $0.rawValue < $1.rawValue }) {
      try writer.insert(
        table: "visit_info", sql: "INSERT OR IGNORE INTO visit_info (visit, field, value) VALUES (?, ?, ?)",
        values: [.text(visit.id), .text(field.rawValue), .text(record.details[field] ?? "")])
    }
    for (position, item) in visit.captured.feedback.enumerated() {
      let text = position < record.feedbackTexts.count ? record.feedbackTexts[position] : ""
      try writer.insert(
        table: "visit_feedback",
        sql:
          "INSERT OR IGNORE INTO visit_feedback (visit, position, category, is_need, text) VALUES (?, ?, ?, ?, ?)",
        values: [
          .text(visit.id), .integer(position), .text(item.category), .integer(item.isNeed ? 1 : 0),
          .text(text),
        ])
    }
    for (dimension, score) in visit.captured.ratings.sorted(by: { $0.key < $1.key }) {
      try writer.insert(
        table: "visit_rating",
        sql: "INSERT OR IGNORE INTO visit_rating (visit, dimension, score) VALUES (?, ?, ?)",
        values: [.text(visit.id), .text(dimension), .integer(score)])
    }
    for number in visit.captured.tickets {
      let added = try writer.insert(
        table: "ticket", sql: "INSERT OR IGNORE INTO ticket (number, household, visit) VALUES (?, ?, ?)",
        values: [.text(number), .text(visit.household), .text(visit.id)])
      if !added { writer.forgetWritten() }
    }
  }
}
