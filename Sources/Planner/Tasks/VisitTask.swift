import CalendarSpec

/// One visit owed: (household, rule, period or anchor, ordinal) with its window, planned month, assignee and state.
///
/// Named `VisitTask` rather than `Task` so that it never shadows Swift's concurrency `Task`.
/// Days are stored as day numbers to keep a year's millions of tasks small.
public struct VisitTask: Sendable, Hashable {
  /// The household code.
  public let household: String
  /// The household's project.
  public let project: String
  /// The rule id.
  public let rule: String
  /// The steward the task is assigned to.
  public internal(set) var assignee: String
  /// What settled it, if anything.
  public internal(set) var settlement: Settlement?
  // The small fields last and together, so that they share the padding after `settlement` and `anchorStorage`.
  private let opensDay: Int32
  internal private(set) var dueDay: Int32
  internal var monthIndex: Int32
  private var graceDays: Int16
  private let ordinalStorage: Int16
  private let anchorStorage: CompactAnchor
  /// Where the task stands at the planning clock.
  public internal(set) var state: TaskState

  /// A task from its parts; `due` nil means open-ended (the closing event has not happened).
  public init(
    household: String, project: String, rule: String, anchor: TaskAnchor, ordinal: Int, opens: LocalDate,
    due: LocalDate?, graceEnd: LocalDate? = nil, plannedMonth: YearMonth, assignee: String,
    state: TaskState = .planned, settlement: Settlement? = nil
  ) {
    self.household = household
    self.project = project
    self.rule = rule
    self.anchorStorage = CompactAnchor(anchor)
    self.ordinalStorage = Int16(clamping: ordinal)
    self.opensDay = Int32(opens.dayNumber)
    self.dueDay = due.map { Int32($0.dayNumber) } ?? VisitTask.openEnded
    self.graceDays = Int16(clamping: max(0, (graceEnd?.dayNumber ?? 0) - (due?.dayNumber ?? 0)))
    self.monthIndex = Int32(plannedMonth.index)
    self.assignee = assignee
    self.state = state
    self.settlement = settlement
  }

  static let openEnded = Int32.max

  /// The period or anchor the task is owed for.
  public var anchor: TaskAnchor { anchorStorage.anchor }

  /// Which of the visits owed for the anchor, from 1.
  public var ordinal: Int { Int(ordinalStorage) }

  /// Whether the task is owed for a quota period (cheaper than matching `anchor`).
  var period: PeriodKey? {
    if case .period(let kind, let first) = anchorStorage {
      return PeriodKey(kind, containing: YearMonth(index: Int(first)))
    }
    return nil
  }

  /// Whether the task is owed for a quota period.
  var isQuota: Bool {
    if case .period = anchorStorage { return true }
    return false
  }

  /// Whether two tasks have the same id (household, rule, anchor, ordinal), compared without building strings.
  func sameIdentity(as other: VisitTask) -> Bool {
    ordinalStorage == other.ordinalStorage && anchorStorage == other.anchorStorage && rule == other.rule
      && household == other.household
  }

  /// The stable id `household/rule/anchor/ordinal`, e.g. `H0001/vacant-quarterly/2026-Q1/1`.
  public var id: String {
    var bytes: [UInt8] = []
    writeID(into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The window's first day.
  public var opens: LocalDate { LocalDate(dayNumber: Int(opensDay)) }

  /// The window's last day, nil while open-ended.
  public var due: LocalDate? { dueDay == VisitTask.openEnded ? nil : LocalDate(dayNumber: Int(dueDay)) }

  /// The last day a visit still counts (late after `due`), nil while open-ended.
  public var graceEnd: LocalDate? { due.map { $0.adding(days: Int(graceDays)) } }

  /// The month the task is planned in.
  public var plannedMonth: YearMonth { YearMonth(index: Int(monthIndex)) }

  /// Whether a local day is inside the window, grace included.
  public func accepts(day: Int) -> Bool {
    day >= Int(opensDay) && (dueDay == VisitTask.openEnded || day <= Int(dueDay) + Int(graceDays))
  }

  /// Whether a local day is after the window's due date (so a visit then is late).
  func isLate(day: Int) -> Bool { dueDay != VisitTask.openEnded && day > Int(dueDay) }

  /// The first day number of the window.
  package var opensDayNumber: Int { Int(opensDay) }

  /// The day number of the window's due day, nil while open-ended.
  package var dueDayNumber: Int? { dueDay == VisitTask.openEnded ? nil : Int(dueDay) }

  /// The last day number counting grace, or nil while open-ended.
  package var lastDayNumber: Int? { dueDay == VisitTask.openEnded ? nil : Int(dueDay) + Int(graceDays) }

  /// The index of the month the task is planned in.
  package var plannedMonthIndex: Int { Int(monthIndex) }

  /// The unsettled state the clock alone gives on local day number `day`: planned before the window opens,
  /// open until its last day (grace included), then missed when owed for a quota period, else overdue.
  ///
  /// Decision: a quota period that has ended is over; its unsettled task is a miss of that period from the first
  /// day after the task's last day (the period's last day, or the rule's grace after it), not a debt carried
  /// into the next period. An event, ticket or campaign window has no period: it stays overdue.
  func clockState(onDay day: Int) -> TaskState {
    if day < opensDayNumber { return .planned }
    if let last = lastDayNumber, day > last { return isQuota ? .missed : .overdue }
    return .open
  }

  /// The last day of the quota period the task is owed for; nil when it is owed for an event, ticket or campaign.
  public var periodEnd: LocalDate? { period?.lastDay }

  /// Why the task is missed, e.g. `period 2026-Q4 ended unsettled`; nil unless it is.
  public var missedReason: String? {
    guard state == .missed, let period else { return nil }
    return "period \(period) ended unsettled"
  }

  /// The task as it stands on local day `day`: an unsettled task's state follows the clock (planned, open,
  /// overdue or missed); a settled one (missed included) is unchanged.
  public func dated(on day: LocalDate) -> VisitTask {
    guard !state.isSettled else { return self }
    var dated = self
    dated.state = clockState(onDay: day.dayNumber)
    return dated
  }

  /// Closes an open-ended window on `due` (the closing event happened).
  mutating func close(on due: LocalDate, grace: Int) {
    dueDay = Int32(due.dayNumber)
    graceDays = Int16(clamping: grace)
  }
}

extension VisitTask: Encodable {
  private enum Keys: String, CodingKey {
    case id, household, project, rule, anchor, ordinal, opens, due, graceEnd, plannedMonth, assignee, state
    case settledBy, settledAt, outsideVisitingWindow, missedReason
  }

  /// Encodes the task with its id and dates as `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(id, forKey: .id)
    try c.encode(household, forKey: .household)
    try c.encode(project, forKey: .project)
    try c.encode(rule, forKey: .rule)
    try c.encode(anchor.description, forKey: .anchor)
    try c.encode(ordinal, forKey: .ordinal)
    try c.encode(opens.description, forKey: .opens)
    try c.encodeIfPresent(due?.description, forKey: .due)
    try c.encodeIfPresent(graceEnd?.description, forKey: .graceEnd)
    try c.encode(plannedMonth, forKey: .plannedMonth)
    try c.encode(assignee, forKey: .assignee)
    try c.encode(state, forKey: .state)
    try c.encodeIfPresent(settlement?.detail, forKey: .settledBy)
    try c.encodeIfPresent(settlement?.at, forKey: .settledAt)
    if case .visit(_, _, true) = settlement { try c.encode(true, forKey: .outsideVisitingWindow) }
    try c.encodeIfPresent(missedReason, forKey: .missedReason)
  }
}
