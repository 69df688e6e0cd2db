import Planner

/// Whether the stored tasks are the plan of the stored facts: the facts' version and the version, rules and
/// year the tasks were last planned for.
public struct PlanStamp: Sendable, Hashable {
  /// Bumped by every write that changes a fact.
  public var factsVersion: Int
  /// The facts version the stored tasks were planned from.
  public var plannedVersion: Int
  /// The digest of the rules they were planned with (`RuleSet.digest`).
  public var rulesDigest: String
  /// The year they were planned for.
  public var year: Int
  /// The years whose holidays were provisional (no official file) when they were planned.
  public var provisionalYears: [Int]

  /// A stamp from its parts.
  public init(
    factsVersion: Int, plannedVersion: Int, rulesDigest: String, year: Int, provisionalYears: [Int] = []
  ) {
    self.factsVersion = factsVersion
    self.plannedVersion = plannedVersion
    self.rulesDigest = rulesDigest
    self.year = year
    self.provisionalYears = provisionalYears
  }

  /// Whether the stored tasks are the plan of the stored facts with these rules for this year.
  public func isCurrent(rulesDigest: String, year: Int) -> Bool {
    plannedVersion == factsVersion && self.rulesDigest == rulesDigest && self.year == year
  }
}

/// Task changes that make the stored tasks the plan of the facts (as the reader sees them) for rules and a year.
public struct PlanUpdate: Sendable {
  /// The changes to store; none when `tasksStored`.
  public var changes: [TaskChange]
  /// Whether the plan's tasks are in the task table already (a first plan stored as it was made, see
  /// `StoredPlanning.whole`): storing the update then only stamps the plan.
  public private(set) var tasksStored = false
  /// How many changes of each kind went into the task table as they were made.
  private var storedCounts: [TaskChange.Kind: Int] = [:]
  /// The digest of the rules planned with.
  public var rulesDigest: String
  /// The year planned.
  public var year: Int
  /// The years whose holidays are provisional in the rules planned with.
  public var provisionalYears: [Int]

  /// An update from its parts.
  public init(changes: [TaskChange], rulesDigest: String, year: Int, provisionalYears: [Int] = []) {
    self.changes = changes
    self.rulesDigest = rulesDigest
    self.year = year
    self.provisionalYears = provisionalYears
  }

  /// Counts `changes` as stored already, as a first plan stored while it is made is.
  public mutating func countStored(_ changes: [TaskChange]) {
    tasksStored = true
    for change in changes { storedCounts[change.kind, default: 0] += 1 }
  }

  /// How many changes of each kind the update makes, those stored as they were made included.
  public var kindCounts: [TaskChange.Kind: Int] {
    var counts = storedCounts
    for change in changes { counts[change.kind, default: 0] += 1 }
    return counts
  }
}
