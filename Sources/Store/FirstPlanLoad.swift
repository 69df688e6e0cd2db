import Planner

/// Stores a whole first plan into an empty task table project by project while it is made.
public protocol FirstPlanLoad {
  /// Stores one project's changes (all of them creations).
  mutating func insert(_ changes: [TaskChange]) throws

  /// Finishes the load (indexes and the like).
  mutating func finish() throws
}
