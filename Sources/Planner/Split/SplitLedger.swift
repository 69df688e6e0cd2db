/// Every split group of one project.
struct SplitLedger: Sendable {
  /// Groups by key.
  var groups: [SplitGroupKey: SplitGroup] = [:]

  /// Counts a task planned at month offset `offset` of its group's period.
  mutating func add(_ key: SplitGroupKey, offset: Int, building: String) {
    groups[key, default: SplitGroup(months: key.months)].count(offset: offset, building: building)
  }

  /// Forgets a task planned at month offset `offset`.
  mutating func remove(_ key: SplitGroupKey, offset: Int) {
    guard let load = groups[key]?.loads[offset], load > 0 else { return }
    groups[key]?.loads[offset] = load - 1
  }
}
