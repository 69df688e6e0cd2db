/// The tasks of one steward, rule and period that are split over the period's months.
struct SplitGroupKey: Hashable, Sendable {
  /// The assignee.
  let steward: String
  /// The rule's position in the rule set.
  let ruleIndex: Int
  /// The period's first month index.
  let firstMonth: Int
  /// The period's length in months.
  let months: Int
}

/// How many of a group's tasks are planned in each month of its period, and where each building went.
struct SplitGroup: Sendable {
  /// Tasks planned per month offset in the period.
  var loads: [Int]
  /// The month offset each building's tasks were first planned in.
  var buildingMonth: [String: Int] = [:]

  /// An empty group over `months` months.
  init(months: Int) { loads = Array(repeating: 0, count: months) }

  /// Counts a task of `building` planned at month offset `offset`.
  mutating func count(offset: Int, building: String) {
    loads[offset] += 1
    if buildingMonth[building] == nil { buildingMonth[building] = offset }
  }

  /// The number of tasks planned.
  var total: Int { loads.reduce(0, +) }
}
