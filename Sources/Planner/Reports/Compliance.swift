/// How the tasks planned in a month ended up: compliance = on time ÷ owed, with the rest beside it (a missed
/// task counts as owed in its planned month, the month of its period it was planned in).
public struct Compliance: Sendable, Hashable, Codable {
  /// Tasks planned in the month, cancelled ones left out.
  public var owed = 0
  /// Done inside the window.
  public var onTime = 0
  /// Done in the grace period.
  public var late = 0
  /// Waived.
  public var waived = 0
  /// Past due and unsettled (windows owed for an event, ticket or campaign).
  public var overdue = 0
  /// Owed for a quota period that ended unsettled: missed, and not on time.
  public var missed = 0
  /// Still open or planned.
  public var pending = 0

  /// Empty counts.
  public init() {}

  /// On time ÷ owed (1 when nothing is owed).
  public var rate: Double { owed == 0 ? 1 : Double(onTime) / Double(owed) }

  /// Waived ÷ owed.
  public var waivedShare: Double { owed == 0 ? 0 : Double(waived) / Double(owed) }

  /// Counts one task.
  mutating func count(_ task: VisitTask) {
    guard task.state != .cancelled else { return }
    owed += 1
    switch task.state {
    case .done: onTime += 1
    case .late: late += 1
    case .waived: waived += 1
    case .overdue: overdue += 1
    case .missed: missed += 1
    case .planned, .open, .cancelled: pending += 1
    }
  }
}
