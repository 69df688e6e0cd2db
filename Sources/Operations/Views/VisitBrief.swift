import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// The pre-visit brief of one household.
public struct VisitBrief: Encodable, Sendable {
  /// Where the household is and whose it is.
  public let household: HouseholdLabel
  /// State and grade now.
  public let status: String
  /// The steward in charge now.
  public let steward: String
  /// What the visit is owed for: unsettled tasks, soonest due first.
  public let owed: [OwedVisit]
  /// The last contacts, newest first, with what they found.
  public let lastContacts: [ContactSummary]
  /// Tickets still open, and closed ones awaiting their follow-up.
  public let tickets: [String]
  /// Owner and family information no visit has captured yet.
  public let missing: [String]
  /// Facts of the household voided as entered by mistake: what, by whom, when and why.
  public var corrections: [String] = []
  /// State, grade and missing information in Chinese, for the text.
  private var wording = Wording()

  /// What the text says in Chinese where the JSON keeps its English values.
  private struct Wording: Sendable {
    var status = ""
    var missing: [String] = []
  }

  private enum CodingKeys: String, CodingKey {
    case household, status, steward, owed, lastContacts, tickets, missing, corrections
  }

  /// The brief of household `code` at `clock`: its plan read from `store` (re-planned first unless `stored`),
  /// with its corrections; nil when the household is unknown.
  public static func load(
    store: any FactStore, rules: RuleSet, household code: String, clock: Date, stored: Bool,
    contacts: ContactStyle, lastContacts count: Int
  ) throws -> VisitBrief? {
    let current = try CurrentPlan.load(
      store: store, rules: rules, at: clock, refresh: !stored, scope: .household(code))
    guard let household = current.facts.households[code] else { return nil }
    var brief = VisitBrief(household, current: current, contacts: contacts, lastContacts: count)
    let zone = current.zone(ofProject: household.project)
    brief.corrections = try store.read { try $0.corrections(household: code) }.map { correction in
      let what: String
      switch correction.subject {
      case .visit(let id): what = "visit \(id)"
      case .waiver(let task): what = "waiver of \(task)"
      case .entry(let entry):
        let change: String
        switch entry.change {
        case .state(let state): change = "state \(state.rawValue)"
        case .grade(let grade): change = "grade \(grade.rawValue)"
        case .event(let name): change = "event \(name.rawValue)"
        }
        what = "\(change) at \(InstantText.minute(entry.at, in: zone))"
      }
      return
        "\(what) voided by \(correction.by) at \(InstantText.minute(correction.at, in: zone)): \(correction.reason)"
    }
    return brief
  }

  /// The brief of `household` in the plan `current`, owners shown as `contacts` says, with the last `count`
  /// contacts.
  public init(_ household: Household, current: CurrentPlan, contacts: ContactStyle, lastContacts count: Int) {
    let now = current.plan.clock
    let zone = current.zone(ofProject: household.project)
    self.household = HouseholdLabel(household, contacts: contacts)
    let state = household.state(at: now)
    let grade = household.grade(at: now)
    status = "\(state?.rawValue ?? "not delivered"), grade \(grade?.rawValue ?? "none")"
    wording.status = "\(state.map(ValueWords.chinese) ?? "未交付")，客户分级 \(grade?.rawValue ?? "未分级")"
    let stewardID = current.facts.areas[household.area]?.steward(at: now) ?? ""
    steward = [stewardID, current.facts.stewards[stewardID]?.name ?? ""].joined(separator: " ")
    owed = current.plan.tasks(of: household.id, inProject: household.project)
      .filter { !$0.state.isSettled }
      .sorted { ($0.due?.dayNumber ?? .max, $0.id) < ($1.due?.dayNumber ?? .max, $1.id) }
      .map { OwedVisit($0, rule: current.rules.rule($0.rule), state: state) }
    let visits = current.facts.visits(of: household.id).filter { $0.at <= now }
    self.lastContacts = visits.suffix(max(0, count)).reversed().map { ContactSummary($0, zone: zone) }
    tickets = VisitBrief.openTickets(current.facts.tickets(of: household.id), tasks: owed)
    missing = VisitBrief.missing(household, visits: visits)
    wording.missing = VisitBrief.missingInChinese(household, visits: visits)
  }

  private static func openTickets(_ tickets: [Ticket], tasks: [OwedVisit]) -> [String] {
    tickets.compactMap { ticket in
      if ticket.closedAt == nil { return "\(ticket.number) open (raised by visit \(ticket.visit))" }
      let followUp = tasks.contains { $0.task.contains("/\(ticket.number)/") }
      return followUp ? "\(ticket.number) closed, follow-up owed" : nil
    }
  }

  private static func missing(_ household: Household, visits: [Visit]) -> [String] {
    let captured = visits.filter { $0.outcome == .reached }.reduce(into: Set<InfoField>()) {
      $0.formUnion($1.captured.infoChanged)
    }
    var missing = InfoField.allCases.filter { !captured.contains($0) }.map(\.rawValue)
    if household.owner.phone.isEmpty { missing.insert("owner phone (none on record)", at: 0) }
    if household.grades.isEmpty { missing.append("grade (ungraded)") }
    if !visits.contains(where: { $0.outcome == .reached && $0.captured.collectsFeedback }) {
      missing.append("needs or feedback (never collected)")
    }
    return missing
  }

  /// The same in Chinese, for the text.
  private static func missingInChinese(_ household: Household, visits: [Visit]) -> [String] {
    let captured = visits.filter { $0.outcome == .reached }.reduce(into: Set<InfoField>()) {
      $0.formUnion($1.captured.infoChanged)
    }
    var missing = InfoField.allCases.filter { !captured.contains($0) }.map(ValueWords.chinese)
    if household.owner.phone.isEmpty { missing.insert("业主电话（无记录）", at: 0) }
    if household.grades.isEmpty { missing.append("客户分级（未分级）") }
    if !visits.contains(where: { $0.outcome == .reached && $0.captured.collectsFeedback }) {
      missing.append("需求或反馈（从未收集）")
    }
    return missing
  }

  /// The brief as text, in Chinese (the JSON keeps English keys and values).
  public var text: String {
    var lines = ["访前准备 \(household.line)", "  \(wording.status)；管家 \(steward)", "", "应访："]
    lines += owed.isEmpty ? ["  无待访任务"] : owed.map { "  " + $0.line }
    lines += ["", "最近联系："]
    lines += lastContacts.isEmpty ? ["  无"] : lastContacts.map { "  " + $0.line }
    lines += ["", "报事："] + (tickets.isEmpty ? ["  无未结报事"] : tickets.map { "  " + $0 })
    lines += ["", "尚缺信息：", "  " + (wording.missing.isEmpty ? "无" : wording.missing.joined(separator: "、"))]
    if !corrections.isEmpty { lines += ["", "更正记录："] + corrections.map { "  " + $0 } }
    return lines.joined(separator: "\n")
  }
}

/// A task still owed, with what a visit must be to settle it.
public struct OwedVisit: Encodable, Sendable {
  /// The task id.
  public let task: String
  /// Its state.
  public let state: String
  /// The rule's title.
  public let rule: String
  /// Its window.
  public let window: String
  /// What the visit must be: kind, channels, interviewee.
  public let requirement: String
  /// The line in the brief's text, in Chinese.
  public let line: String

  private enum CodingKeys: String, CodingKey { case task, state, rule, window, requirement }

  /// What `task` of `rule` asks of a visit to a household in `householdState`.
  public init(_ task: VisitTask, rule: Rule?, state householdState: HouseholdState?) {
    self.task = task.id
    state = task.state.rawValue
    self.rule = rule?.title ?? task.rule
    window = TaskText.window(task)
    let head = "\(task.id) [\(ValueWords.chinese(task.state))] \(self.rule)："
    let until = task.due.map { "，\(task.opens) 至 \($0)" } ?? "，\(task.opens) 起（不限期）"
    guard let rule else {
      requirement = ""
      line = head + until.dropFirst()
      return
    }
    let channels = householdState.map { rule.channels.allowed(for: $0) } ?? rule.channels.all
    let who = rule.interviewees.map(\.rawValue).sorted()
    requirement =
      "\(rule.kind.rawValue) by \(channels.map(\.rawValue).sorted().joined(separator: "/"))"
      + (who.isEmpty ? "" : " with the \(who.joined(separator: " or "))")
    let grace = task.graceEnd.flatMap { end in task.due.map { end.dayNumber - $0.dayNumber } } ?? 0
    let whom = Interviewee.allCases.filter(rule.interviewees.contains).map(ValueWords.chinese)
    line =
      head + ValueWords.chinese(rule.kind) + "，"
      + Channel.allCases.filter(channels.contains).map(ValueWords.chinese).joined(separator: "/")
      + (whom.isEmpty ? "" : "，访谈对象 " + whom.joined(separator: "或")) + until
      + (grace > 0 ? "（宽限 \(grace) 天）" : "")
  }
}

/// One past contact and what it found.
public struct ContactSummary: Encodable, Sendable {
  /// The visit id.
  public let visit: String
  /// When, in the project's zone.
  public let at: String
  /// Channel, kind, interviewee and outcome.
  public let how: String
  /// The steward who made it.
  public let steward: String
  /// What it captured: information changed, needs and feedback, ratings, tickets.
  public let found: [String]
  /// The line in the brief's text, in Chinese.
  public let line: String

  private enum CodingKeys: String, CodingKey { case visit, at, how, steward, found }

  /// `visit` as seen in `zone`.
  public init(_ visit: Visit, zone: TimeZone) {
    self.visit = visit.id
    at = InstantText.minute(visit.at, in: zone)
    how =
      "\(visit.channel.rawValue) \(visit.kind.rawValue), \(visit.interviewee.rawValue), \(visit.outcome.rawValue)"
    steward = visit.steward
    let captured = visit.captured
    var found: [String] = []
    if !captured.infoChanged.isEmpty {
      found.append("info: " + captured.infoChanged.map(\.rawValue).sorted().joined(separator: ", "))
    }
    for item in captured.feedback { found.append("\(item.isNeed ? "need" : "feedback"): \(item.category)") }
    if !captured.ratings.isEmpty {
      found.append(
        "ratings: "
          + captured.ratings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
          .joined(separator: ","))
    }
    if !captured.tickets.isEmpty { found.append("tickets: " + captured.tickets.joined(separator: ", ")) }
    self.found = found
    var shown: [String] = []
    if !captured.infoChanged.isEmpty {
      shown.append(
        "更新信息 "
          + InfoField.allCases.filter(captured.infoChanged.contains).map(ValueWords.chinese)
          .joined(separator: "、"))
    }
    for item in captured.feedback { shown.append("\(item.isNeed ? "需求" : "反馈") \(item.category)") }
    if !captured.ratings.isEmpty {
      shown.append(
        "评分 "
          + captured.ratings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
      )
    }
    if !captured.tickets.isEmpty { shown.append("报事 " + captured.tickets.joined(separator: "、")) }
    let how = [
      ValueWords.chinese(visit.channel), ValueWords.chinese(visit.kind),
      ValueWords.chinese(visit.interviewee),
      ValueWords.chinese(visit.outcome),
    ].joined(separator: "，")
    line =
      "\(at) \(visit.id) 管家 \(visit.steward)：\(how)"
      + (shown.isEmpty ? "" : " — " + shown.joined(separator: "；"))
  }
}
