import Planner

/// Task fields in words.
public enum TaskText {
  /// `2026-03-01..2026-03-31` (`+7d` for grace, `..` open-ended).
  public static func window(_ task: VisitTask) -> String {
    let grace = task.graceEnd.flatMap { end in task.due.map { end.dayNumber - $0.dayNumber } } ?? 0
    return "\(task.opens)..\(task.due?.description ?? "")" + (grace > 0 ? " +\(grace)d" : "")
  }

  /// What settled the task: the visit, the waiver's or cancellation's reason; empty when nothing did.
  public static func settlement(_ task: VisitTask) -> String {
    switch task.settlement {
    case .visit(let id, _, let outside): return "visit \(id)" + (outside ? " (outside window)" : "")
    case .waiver(let reason, _): return "waived: \(reason)"
    case .cancellation(let reason, _): return "cancelled: \(reason)"
    case nil: return task.missedReason.map { "missed: \($0)" } ?? ""
    }
  }
}
