import CalendarSpec
import Crypto
import Foundation
import Operations
import Planner
import Policy
import Store

/// The visit form (the register's fields) as its template reads it, and a posted form read as the register's entry.
struct VisitForm {
  /// The rules in force (dimensions, categories).
  let rules: RuleSet
  /// The household.
  let household: String
  /// Its building, unit and room.
  let place: String
  /// Its owner, masked.
  let owner: String
  /// The channels the household's tasks may be made over, the likeliest first.
  let channels: [Channel]
  /// What was posted, when the form is shown again with its problems.
  var posted = WebForm(body: "")
  /// What is wrong with what was posted.
  var problems: [(field: String, message: String)] = []

  /// The template's model: every field with its label, the posted values kept, a fresh idempotency key.
  func model(visitor: WebVisitor, now: String) -> [String: Any] {
    let categories = rules.settings.feedbackCategories
    return [
      "title": "记录访谈", "signedIn": true, "formToken": visitor.formToken,
      "key": posted["key"] ?? UUID().uuidString, "household": household, "place": place, "owner": owner,
      "at": posted["at"] ?? now,
      "channels": options(channels.map { ($0.rawValue, ValueWords.chinese($0)) }, posted["channel"]),
      "kinds": options(InterviewKind.allCases.map { ($0.rawValue, ValueWords.chinese($0)) }, posted["kind"]),
      "interviewees": options(
        Interviewee.allCases.map { ($0.rawValue, ValueWords.chinese($0)) }, posted["interviewee"]),
      "outcomes": options(
        VisitOutcome.allCases.map { ($0.rawValue, ValueWords.chinese($0)) }, posted["outcome"]),
      "dimensions": rules.settings.dimensions.map { dimension -> [String: Any] in
        let chosen = posted["rating.\(dimension.id)"]
        return [
          "id": dimension.id, "title": dimension.title,
          "scores": (1...5).map { ["value": "\($0)", "selected": chosen == "\($0)"] },
        ]
      },
      "need": posted["need"] ?? "", "feedback": posted["feedback"] ?? "", "ticket": posted["ticket"] ?? "",
      "needCategories": options(categories.map { ($0.id, $0.title) }, posted["needCategory"]),
      "feedbackCategories": options(categories.map { ($0.id, $0.title) }, posted["feedbackCategory"]),
      "information": InfoField.allCases.map {
        ["id": $0.rawValue, "label": ValueWords.chinese($0), "value": posted["info.\($0.rawValue)"] ?? ""]
      },
      "hasProblems": !problems.isEmpty,
      "problems": problems.map { ["label": Self.labels[$0.field] ?? $0.field, "message": $0.message] },
    ]
  }

  /// The entry `form` describes for `steward`; the problems name the form's fields.
  static func entry(_ form: WebForm, steward: String) -> (VisitEntry?, [(field: String, message: String)]) {
    var problems: [(field: String, message: String)] = []
    func value<T: RawRepresentable>(_ name: String, _ type: T.Type, default fallback: T) -> T
    where T.RawValue == String {
      guard let text = form[name] else { return fallback }
      guard let parsed = T(rawValue: text) else {
        problems.append((name, "'\(text)' is not one of the choices"))
        return fallback
      }
      return parsed
    }
    guard let household = form["household"] else { return (nil, [("household", "missing")]) }
    let at = form["at"]?.replacingOccurrences(of: "T", with: " ") ?? ""
    if at.isEmpty { problems.append(("at", "missing")) }
    var entry = VisitEntry(
      household: household, at: at, channel: value("channel", Channel.self, default: .inHome),
      steward: steward)
    entry.kind = value("kind", InterviewKind.self, default: .basic)
    entry.interviewee = value("interviewee", Interviewee.self, default: .owner)
    entry.outcome = value("outcome", VisitOutcome.self, default: .reached)
    for (name, text) in form.fields where name.hasPrefix("rating.") && !text.isEmpty {
      guard let score = Int(text), (1...5).contains(score) else {
        problems.append(("ratings", "'\(text)' is not a score from 1 to 5"))
        continue
      }
      entry.ratings[String(name.dropFirst("rating.".count))] = score
    }
    if let need = form["need"] { entry.needs = [.init(text: need, category: form["needCategory"] ?? "")] }
    if let feedback = form["feedback"] {
      entry.feedback = [.init(text: feedback, category: form["feedbackCategory"] ?? "")]
    }
    if let ticket = form["ticket"] {
      if ticket.hasPrefix("访谈-") {
        entry.tickets = [ticket]
      } else {
        problems.append(("tickets", "工单号应以“访谈-”开头：'\(ticket)'"))
      }
    }
    for field in InfoField.allCases {
      if let text = form["info.\(field.rawValue)"] { entry.information[field] = text }
    }
    return (problems.isEmpty ? entry : nil, problems)
  }

  /// A digest of what the form posted (its key and form token aside): a retry of it has the same digest.
  static func digest(of form: WebForm) -> String {
    digest(
      form.fields.filter { $0.key != "form" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: "\n"))
  }

  private static func digest(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  private func options(_ choices: [(value: String, label: String)], _ chosen: String?) -> [[String: Any]] {
    choices.enumerated().map { index, choice in
      [
        "value": choice.value, "label": choice.label,
        "selected": chosen.map { $0 == choice.value } ?? (index == 0),
      ]
    }
  }

  /// The form's labels by the entry's field names (as problems name them).
  private static let labels: [String: String] = [
    "household": "户号", "at": "访谈时间", "channel": "方式", "kind": "访谈类型", "interviewee": "受访人",
    "outcome": "结果", "steward": "管家", "ratings": "满意度", "needs": "需求", "feedback": "意见反馈",
    "tickets": "工单号", "information": "采集信息", "id": "访谈编号",
  ]
}
