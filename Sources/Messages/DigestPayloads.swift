/// One visit in a digest or escalation line.
public struct VisitLine: Codable, Sendable, Hashable {
  /// Who is visited (masked).
  public var owner: OwnerRef
  /// The rule's label (`年度入户`).
  public var rule: String
  /// The allowed channels as words (`入户`, `电话/微信`).
  public var channel: String
  /// The due date as text (`2026-11-30`), nil for an open-ended task.
  public var due: String?

  /// A visit line.
  public init(owner: OwnerRef, rule: String, channel: String, due: String?) {
    self.owner = owner
    self.rule = rule
    self.channel = channel
    self.due = due
  }
}

/// The visits of one building, for the digest.
public struct BuildingGroup: Codable, Sendable, Hashable {
  /// The building (`3栋`).
  public var building: String
  /// Its visits planned today.
  public var visits: [VisitLine]

  /// A building's group.
  public init(building: String, visits: [VisitLine]) {
    self.building = building
    self.visits = visits
  }
}

/// The steward's daily digest: today's in-home visits inside the window, by building, then the visits a call or a
/// message can settle, then what is overdue.
public struct StewardDigest: Codable, Sendable, Hashable {
  /// The steward's name as colleagues know it.
  public var steward: String
  /// The day as text (`2026-11-26 星期四`).
  public var date: String
  /// The visiting window (`17:30–19:30`).
  public var window: String
  /// Today's planned in-home visits, grouped by building (all of today's visits in messages stored before
  /// `calls` was added).
  public var buildings: [BuildingGroup]
  /// Today's planned visits that a call or a message can settle, grouped by building; nil in older messages.
  public var calls: [BuildingGroup]?
  /// Visits past their due date.
  public var overdue: [VisitLine]
  /// Open visits left this month, today's included (nil in messages stored before it was added).
  public var remaining: Int?
  /// When the digest was due, if it is sent late (`2026-12-04 16:30`): it then shows the day it is made for.
  public var late: String?

  /// A digest.
  public init(
    steward: String, date: String, window: String, buildings: [BuildingGroup], calls: [BuildingGroup]? = nil,
    overdue: [VisitLine], remaining: Int? = nil, late: String? = nil
  ) {
    self.steward = steward
    self.date = date
    self.window = window
    self.buildings = buildings
    self.calls = calls
    self.overdue = overdue
    self.remaining = remaining
    self.late = late
  }
}

/// An overdue task escalated to the steward, the lead or operations.
public struct OverdueEscalation: Codable, Sendable, Hashable {
  /// The project's name.
  public var project: String
  /// The steward who owes the visit.
  public var steward: String
  /// The visit owed.
  public var visit: VisitLine
  /// Days past due.
  public var daysOverdue: Int
  /// Who this step goes to, as a word (`管家`, `项目负责人`, `运营管理部`).
  public var step: String

  /// An escalation.
  public init(project: String, steward: String, visit: VisitLine, daysOverdue: Int, step: String) {
    self.project = project
    self.steward = steward
    self.visit = visit
    self.daysOverdue = daysOverdue
    self.step = step
  }
}
