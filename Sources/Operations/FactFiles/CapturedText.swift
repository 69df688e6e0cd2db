import Foundation
import Planner
import Store

/// What a visit row captured: information texts, needs and feedback with categories, ratings and tickets.
struct CapturedText {
  var captured = Captured()
  var details: [InfoField: String] = [:]
  var feedbackTexts: [String] = []

  /// The information columns and the field each one changes (家庭成员 counts as name information).
  static let infoColumns: [(String, InfoField)] = [
    ("family", .name), ("hobbies", .hobbies), ("pets", .pets), ("contact", .contact), ("gender", .gender),
    ("house-state", .houseState),
  ]

  init(_ row: inout CSVRow, context: ImportContext) {
    for (key, field) in CapturedText.infoColumns where !row.text(key).isEmpty {
      captured.infoChanged.insert(field)
      details[field] = row.text(key)
    }
    item(&row, text: "needs", category: "category", isNeed: true, context: context)
    item(&row, text: "feedback", category: "feedback-category", isNeed: false, context: context)
    ratings(&row, context: context)
    captured.tickets = ValueWords.list(row.text("tickets"))
  }

  var hasContent: Bool {
    !captured.infoChanged.isEmpty || !captured.feedback.isEmpty || !captured.ratings.isEmpty
  }

  func checkTickets(_ row: inout CSVRow, household: String, context: ImportContext) {
    for number in captured.tickets {
      if let owner = context.catalog.tickets[number], owner != household {
        row.fail("tickets", "ticket \(number) was raised for household \(owner)")
      }
    }
  }

  private mutating func item(
    _ row: inout CSVRow, text: String, category: String, isNeed: Bool, context: ImportContext
  ) {
    let body = row.text(text)
    let label = row.text(category)
    switch (body.isEmpty, label.isEmpty) {
    case (true, true): return
    case (false, true): row.fail(category, "is empty; \(text) need a category")
    case (true, false): row.fail(text, "is empty but \(category) is '\(label)'")
    case (false, false):
      guard let id = context.category(label) else {
        let known = context.categories.map(\.title).joined(separator: "/")
        row.fail(category, "'\(label)' is not a feedback category; expected \(known)")
        return
      }
      captured.feedback.append(FeedbackItem(category: id, isNeed: isNeed))
      feedbackTexts.append(body)
    }
  }

  private mutating func ratings(_ row: inout CSVRow, context: ImportContext) {
    for item in ValueWords.list(row.text("ratings")) {
      let parts = item.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        row.fail("ratings", "'\(item)' is not a rating; expected dimension=score like overall=4;cleaning=3")
        continue
      }
      let name = CSVRow.trimmed(String(parts[0]))
      guard let dimension = context.dimension(name) else {
        let known = context.dimensions.map(\.id).joined(separator: "/")
        row.fail("ratings", "'\(name)' is not a rating dimension; expected \(known)")
        continue
      }
      guard let score = Int(CSVRow.trimmed(String(parts[1]))), (1...5).contains(score) else {
        row.fail("ratings", "'\(parts[1])' for \(name) is not a score from 1 to 5")
        continue
      }
      if captured.ratings[dimension] != nil { row.fail("ratings", "\(name) is rated twice") }
      captured.ratings[dimension] = score
    }
  }
}
