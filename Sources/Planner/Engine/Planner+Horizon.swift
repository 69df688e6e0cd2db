extension Planner {
  /// Whether a task's window (grace included) meets the planner's horizon; other years' tasks are left alone.
  public func overlaps(_ task: VisitTask) -> Bool {
    task.opens <= to && (task.graceEnd ?? to) >= from
  }
}
