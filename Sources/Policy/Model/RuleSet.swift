/// The validated, immutable policy: rules, schedules, settings and holidays, with where each came from.
public struct RuleSet: Sendable {
  /// The household rules, ordered by precedence then id.
  public let rules: [Rule]
  /// The schedules, in file order.
  public let schedules: [Schedule]
  /// The shared settings.
  public let settings: Settings
  /// Off days and make-up working days.
  public let holidays: HolidayCalendar
  /// The file each rule, schedule, settings and holiday file was read from, by id or file name.
  public let sources: [String: String]
  /// A digest of the names and contents of the files planning depends on (all but the schedules): equal
  /// digests, equal plans (empty when built in code).
  public let digest: String

  /// A rule set from already validated parts.
  public init(
    rules: [Rule], schedules: [Schedule], settings: Settings, holidays: HolidayCalendar,
    sources: [String: String], digest: String = ""
  ) {
    self.rules = rules.sorted { ($0.precedence, $0.id) < ($1.precedence, $1.id) }
    self.schedules = schedules
    self.settings = settings
    self.holidays = holidays
    self.sources = sources
    self.digest = digest
  }

  /// The rule with an id, if any.
  public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}
