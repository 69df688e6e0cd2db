import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store

/// A household before a visit (访前准备) as its page reads it, in Chinese: who lives there, what is owed and by
/// which rule, the last contacts and what they found, open tickets, and what information is still missing.
struct HouseholdPage {
  /// The household's plan and facts.
  let current: CurrentPlan
  /// The household.
  let household: Household
  /// Whether the reader may see the owner's whole number (the household's own steward: then as a `tel:` link).
  let mayCall: Bool

  /// How many past contacts the page lists.
  static let contactsShown = 5

  /// The template's model.
  func model(visitor: WebVisitor) -> [String: Any] {
    let now = current.plan.clock
    let zone = current.zone(ofProject: household.project)
    let state = household.state(at: now)
    let owed = current.plan.tasks(of: household.id, inProject: household.project)
      .filter { !$0.state.isSettled }
      .sorted { ($0.due?.dayNumber ?? .max, $0.id) < ($1.due?.dayNumber ?? .max, $1.id) }
      .map { task -> [String: Any] in
        let rule = current.rules.rule(task.rule)
        let channels =
          rule.map { rule in state.map { rule.channels.allowed(for: $0) } ?? rule.channels.all } ?? []
        return [
          "rule": rule?.title ?? task.rule, "state": ValueWords.chinese(task.state),
          "overdue": task.state == .overdue,
          "kind": rule.map { ValueWords.chinese($0.kind) } ?? "",
          "channels": Channel.allCases.filter(channels.contains).map(ValueWords.chinese).joined(
            separator: "/"),
          "window": "\(Self.day(task.opens)) 至 \(task.due.map(Self.day) ?? "未定")",
        ]
      }
    let visits = current.facts.visits(of: household.id).filter { $0.at <= now }
    let contacts = visits.suffix(Self.contactsShown).reversed().map { visit -> [String: Any] in
      [
        "at": InstantText.minute(visit.at, in: zone),
        "how": [
          ValueWords.chinese(visit.channel), ValueWords.chinese(visit.kind),
          ValueWords.chinese(visit.interviewee),
          ValueWords.chinese(visit.outcome),
        ].joined(separator: " · "),
        "steward": current.facts.stewards[visit.steward]?.name ?? visit.steward,
        "found": found(visit), "hasFound": !found(visit).isEmpty,
      ]
    }
    let tickets = current.facts.tickets(of: household.id).filter { $0.closedAt == nil }.map(\.number)
    let captured = visits.filter { $0.outcome == .reached }.reduce(into: Set<InfoField>()) {
      $0.formUnion($1.captured.infoChanged)
    }
    var missing = InfoField.allCases.filter { !captured.contains($0) }.map(ValueWords.chinese)
    if !visits.contains(where: { $0.outcome == .reached && $0.captured.collectsFeedback }) {
      missing.append("需求或意见（从未收集）")
    }
    var model: [String: Any] = [
      "title": "访前准备", "signedIn": true, "formToken": visitor.formToken, "code": household.id,
      "place": LeadPage.place(of: household.id, current.facts),
      "owner": Masking.name(household.owner.surname + household.owner.name),
      "status": [
        state.map(ValueWords.chinese) ?? "未交付", household.grade(at: now).map { "\($0.rawValue)类" } ?? "未分类",
      ].joined(separator: " · "),
      "owed": owed, "hasOwed": !owed.isEmpty, "contacts": contacts, "hasContacts": !contacts.isEmpty,
      "tickets": tickets.joined(separator: "、"), "hasTickets": !tickets.isEmpty,
      "missing": missing.joined(separator: "、"), "hasMissing": !missing.isEmpty,
      "mayRecord": mayCall,
    ]
    if mayCall, !household.owner.phone.isEmpty {
      model["tel"] = household.owner.phone
      model["phoneShown"] = Masking.phone(household.owner.phone)
    }
    return model
  }

  private func found(_ visit: Visit) -> String {
    let captured = visit.captured
    var found: [String] = []
    if !captured.infoChanged.isEmpty {
      found.append(
        "采集："
          + InfoField.allCases.filter(captured.infoChanged.contains).map(ValueWords.chinese)
          .joined(separator: "、"))
    }
    let categories = current.rules.settings.feedbackCategories
    for item in captured.feedback {
      let category = categories.first { $0.id == item.category }?.title ?? item.category
      found.append("\(item.isNeed ? "需求" : "意见")：\(category)")
    }
    if !captured.ratings.isEmpty {
      let dimensions = current.rules.settings.dimensions
      found.append(
        "评分："
          + captured.ratings.sorted { $0.key < $1.key }.map { key, value in
            "\(dimensions.first { $0.id == key }?.title ?? key) \(value)"
          }.joined(separator: "、"))
    }
    if !captured.tickets.isEmpty { found.append("工单：" + captured.tickets.joined(separator: "、")) }
    return found.joined(separator: "；")
  }

  private static func day(_ day: LocalDate) -> String { "\(day.year)年\(day.month)月\(day.day)日" }
}
