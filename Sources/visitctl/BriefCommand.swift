import ArgumentParser
import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// `visitctl brief HOUSEHOLD`: what a steward reads before the visit (访前准备).
struct BriefCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "brief",
    abstract:
      "Prepare a visit (访前准备): what it is owed for, the last contacts and what they found, open tickets, "
      + "the information still missing.")

  @Argument(help: "The household code.")
  var household: String

  @Option(help: "How many of the last contacts to show.")
  var lastContacts = 5

  @OptionGroup var options: ReadOptions

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() throws {
    let current = try options.currentPlan(scope: .household(household))
    guard let found = current.facts.households[household] else {
      throw ValidationError("'\(household)' is not a known household")
    }
    let brief = VisitBrief(found, current: current, contacts: options.contacts, lastContacts: lastContacts)
    print(json ? try JSONText.encode(brief) : brief.text)
  }
}

/// The pre-visit brief of one household.
struct VisitBrief: Encodable {
  /// Where the household is and whose it is.
  let household: HouseholdPlace
  /// State and grade now.
  let status: String
  /// The steward in charge now.
  let steward: String
  /// What the visit is owed for: unsettled tasks, soonest due first.
  let owed: [OwedVisit]
  /// The last contacts, newest first, with what they found.
  let lastContacts: [ContactSummary]
  /// Tickets still open, and closed ones awaiting their follow-up.
  let tickets: [String]
  /// Owner and family information no visit has captured yet.
  let missing: [String]

  init(_ household: Household, current: CurrentPlan, contacts: ContactStyle, lastContacts count: Int) {
    let now = current.plan.clock
    let zone = current.zone(ofProject: household.project)
    self.household = HouseholdPlace(household, contacts: contacts)
    let state = household.state(at: now)
    status = "\(state?.rawValue ?? "not delivered"), grade \(household.grade(at: now)?.rawValue ?? "none")"
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

  /// The brief as text.
  var text: String {
    var lines = ["访前准备 \(household.line)", "  \(status); steward \(steward)", "", "Owed:"]
    lines += owed.isEmpty ? ["  nothing open"] : owed.map { "  " + $0.line }
    lines += ["", "Last contacts:"]
    lines += lastContacts.isEmpty ? ["  none"] : lastContacts.map { "  " + $0.line }
    lines += ["", "Tickets:"] + (tickets.isEmpty ? ["  none open"] : tickets.map { "  " + $0 })
    lines += ["", "Still missing:", "  " + (missing.isEmpty ? "nothing" : missing.joined(separator: ", "))]
    return lines.joined(separator: "\n")
  }
}

/// A task still owed, with what a visit must be to settle it.
struct OwedVisit: Encodable {
  /// The task id.
  let task: String
  /// Its state.
  let state: String
  /// The rule's title.
  let rule: String
  /// Its window.
  let window: String
  /// What the visit must be: kind, channels, interviewee.
  let requirement: String

  init(_ task: VisitTask, rule: Rule?, state householdState: HouseholdState?) {
    self.task = task.id
    state = task.state.rawValue
    self.rule = rule?.title ?? task.rule
    window = TaskText.window(task)
    guard let rule else {
      requirement = ""
      return
    }
    let channels = householdState.map { rule.channels.allowed(for: $0) } ?? rule.channels.all
    let who = rule.interviewees.map(\.rawValue).sorted()
    requirement =
      "\(rule.kind.rawValue) by \(channels.map(\.rawValue).sorted().joined(separator: "/"))"
      + (who.isEmpty ? "" : " with the \(who.joined(separator: " or "))")
  }

  var line: String { "\(task) [\(state)] \(rule): \(requirement), window \(window)" }
}

/// One past contact and what it found.
struct ContactSummary: Encodable {
  /// The visit id.
  let visit: String
  /// When, in the project's zone.
  let at: String
  /// Channel, kind, interviewee and outcome.
  let how: String
  /// The steward who made it.
  let steward: String
  /// What it captured: information changed, needs and feedback, ratings, tickets.
  let found: [String]

  init(_ visit: Visit, zone: TimeZone) {
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
  }

  var line: String {
    "\(at) \(visit) by \(steward): \(how)" + (found.isEmpty ? "" : " — " + found.joined(separator: "; "))
  }
}
