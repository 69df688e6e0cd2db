/// A rule in plain values for `visitctl rules show --json`.
public struct RuleSummary: Encodable, Sendable {
  /// The rule's id.
  public var id: String
  /// The rule's title.
  public var title: String
  /// The rule's description.
  public var description: String
  /// The file it came from after overrides.
  public var file: String
  /// basic or deep.
  public var kind: String
  /// The selector's filters, by key.
  public var select: [String: [String]]
  /// The trigger as a phrase.
  public var trigger: String
  /// The channels, by state, or under `all`.
  public var channels: [String: [String]]
  /// Who may be interviewed; empty means anyone.
  public var interviewees: [String]
  /// The visiting window, `HH:MM-HH:MM`.
  public var visitingHours: String
  /// flag or refuse.
  public var outsideWindow: String
  /// none or monthly.
  public var split: String
  /// The grace after due, if any.
  public var grace: String?
  /// The precedence, lower first.
  public var precedence: Int

  /// The summary of `rule`, read from `file`.
  public init(_ rule: Rule, file: String) {
    id = rule.id
    title = rule.title
    description = rule.description
    self.file = file
    kind = rule.kind.rawValue
    select = [
      "state": HouseholdState.allCases.filter(rule.selector.states.contains).map(\.rawValue),
      "grade": Grade.allCases.filter(rule.selector.grades.contains).map(\.rawValue),
      "project": rule.selector.projects.sorted(), "tags": rule.selector.tags.sorted(),
    ].filter { !$0.value.isEmpty }
    trigger = rule.triggerText
    channels = RuleSummary.channels(rule.channels)
    interviewees = Interviewee.allCases.filter(rule.interviewees.contains).map(\.rawValue)
    visitingHours = rule.visitingWindow.hours.description
    outsideWindow = rule.visitingWindow.outside.rawValue
    split = rule.split.rawValue
    grace = rule.grace?.description
    precedence = rule.precedence
  }

  private static func channels(_ policy: ChannelPolicy) -> [String: [String]] {
    var result = Dictionary(
      uniqueKeysWithValues: policy.byState.map { ($0.key.rawValue, Channel.ordered($0.value)) })
    if !policy.all.isEmpty { result["all"] = Channel.ordered(policy.all) }
    return result
  }
}

/// A schedule in plain values for `visitctl rules show --json`.
public struct ScheduleSummary: Encodable, Sendable {
  /// The schedule's id.
  public var id: String
  /// The schedule's title.
  public var title: String
  /// The file it came from.
  public var file: String
  /// The calendar expression, normalized.
  public var calendar: String
  /// all or working.
  public var days: String
  /// Who receives it (the first step, for an escalation).
  public var audience: String
  /// The report's name.
  public var report: String
  /// The report's thresholds as `key = value`.
  public var thresholds: [String]

  /// The summary of `schedule`, read from `file`.
  public init(_ schedule: Schedule, file: String) {
    id = schedule.id
    title = schedule.title
    self.file = file
    calendar = schedule.calendar.normalized
    days = schedule.days.rawValue
    audience = schedule.audience.rawValue
    report = schedule.report.name
    thresholds = schedule.report.thresholds
  }
}
