/// One project's tasks by household, with its split ledger.
struct ProjectPlan: Sendable {
  /// Tasks by household code.
  var tasks: [String: [VisitTask]]
  /// The project's households with tasks, sorted.
  var households: [String]
  /// The monthly loads of split groups.
  var ledger: SplitLedger

  /// Every task, by household.
  var allTasks: [VisitTask] { households.flatMap { tasks[$0] ?? [] } }

  /// The number of tasks.
  var count: Int { tasks.values.reduce(0) { $0 + $1.count } }
}

extension ProjectPlan {
  /// Keeps `households` sorted and in step with `tasks` for one household.
  mutating func index(_ code: String) {
    let low = households.partitioningIndex { $0 >= code }
    let present = low < households.count && households[low] == code
    if tasks[code] == nil, present { households.remove(at: low) }
    if tasks[code] != nil, !present { households.insert(code, at: low) }
  }
}
