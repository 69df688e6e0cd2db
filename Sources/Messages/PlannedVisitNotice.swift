/// One planned visit as an entry in its steward's own calendar (WeCom 日程): when, and where, with no owner's
/// name or number.
public struct PlannedVisitNotice: Codable, Sendable, Hashable {
  /// The task's id, which the entry stands for.
  public var task: String
  /// How many times the task has moved (the calendar feed's SEQUENCE).
  public var sequence: Int
  /// The start, Unix seconds: the visiting window's opening on the planned day, or the day's midnight.
  public var start: Int64
  /// The end, Unix seconds: the window's close, or the next midnight.
  public var end: Int64
  /// Whether the entry takes the whole day (a call or a message, at any hour of the day).
  public var allDay: Bool
  /// The title (`入户访谈 3栋 2单元 1202`).
  public var summary: String
  /// Where (`阳光花园 3栋 2单元 1202`).
  public var location: String
  /// The household code, the rule, the window and the task.
  public var details: String

  /// An entry.
  public init(
    task: String, sequence: Int, start: Int64, end: Int64, allDay: Bool, summary: String, location: String,
    details: String
  ) {
    self.task = task
    self.sequence = sequence
    self.start = start
    self.end = end
    self.allDay = allDay
    self.summary = summary
    self.location = location
    self.details = details
  }
}
