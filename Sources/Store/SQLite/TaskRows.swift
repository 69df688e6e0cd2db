import CalendarSpec
import GRDB
import Planner
import Policy

/// Maps tasks to rows of the `task` table and back.
enum TaskRows {
  private static let upsert = """
    INSERT INTO task (id, household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens,
      due, grace_end, planned_month, assignee, state, settled_kind, settled_detail, settled_at, outside_window)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET due = excluded.due, grace_end = excluded.grace_end,
      planned_month = excluded.planned_month, assignee = excluded.assignee, state = excluded.state,
      settled_kind = excluded.settled_kind, settled_detail = excluded.settled_detail,
      settled_at = excluded.settled_at, outside_window = excluded.outside_window
    """

  static func save(_ tasks: [VisitTask], db: Database) throws {
    let statement = try db.cachedStatement(sql: upsert)
    for task in tasks { try statement.execute(arguments: arguments(task)) }
  }

  static func apply(_ changes: [TaskChange], db: Database) throws {
    try save(changes.map(\.task), db: db)
  }

  /// The tasks of the rows `condition` (an SQL `WHERE` clause or empty) selects, by id.
  static func load(_ condition: String, _ arguments: StatementArguments = [], db: Database) throws
    -> [VisitTask]
  {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens, due, grace_end,
          planned_month, assignee, state, settled_kind, settled_detail, settled_at, outside_window FROM task
        \(condition) ORDER BY id
        """, arguments: arguments)
    var tasks: [VisitTask] = []
    while let row = try rows.next() { tasks.append(try task(row)) }
    return tasks
  }

  private static func arguments(_ task: VisitTask) -> StatementArguments {
    let (kind, text, number) = anchorColumns(task.anchor)
    let (settledKind, outside) = settlementColumns(task.settlement)
    return [
      task.id, task.household, task.project, task.rule, kind, text, number, task.ordinal,
      task.opens.dayNumber,
      task.due?.dayNumber, task.graceEnd?.dayNumber, task.plannedMonth.index, task.assignee,
      task.state.rawValue,
      settledKind, task.settlement?.detail, task.settlement?.at.timeIntervalSince1970, outside,
    ]
  }

  private static func anchorColumns(_ anchor: TaskAnchor) -> (String, String, Int) {
    switch anchor {
    case .period(let key): return ("period", key.period.rawValue, key.first.index)
    case .event(let name, let day): return ("event", name.rawValue, day.dayNumber)
    case .ticket(let number): return ("ticket", number, 0)
    case .campaign(let id): return ("campaign", id, 0)
    }
  }

  private static func settlementColumns(_ settlement: Settlement?) -> (String?, Bool) {
    switch settlement {
    case .visit(_, _, let outside): return ("visit", outside)
    case .waiver: return ("waiver", false)
    case .cancellation: return ("cancellation", false)
    case nil: return (nil, false)
    }
  }

  private static func task(_ row: Row) throws -> VisitTask {
    let due: Int? = row[8]
    let grace: Int? = row[9]
    let state: String = row[12]
    return VisitTask(
      household: row[0], project: row[1], rule: row[2], anchor: try anchor(row), ordinal: row[6],
      opens: LocalDate(dayNumber: row[7]), due: due.map(LocalDate.init(dayNumber:)),
      graceEnd: grace.map(LocalDate.init(dayNumber:)), plannedMonth: YearMonth(index: row[10]),
      assignee: row[11],
      state: TaskState(rawValue: state) ?? .planned, settlement: settlement(row))
  }

  private static func anchor(_ row: Row) throws -> TaskAnchor {
    let kind: String = row[3]
    let text: String = row[4]
    let number: Int = row[5]
    switch kind {
    case "period":
      guard let period = Period(rawValue: text) else { throw StoreError("task with unknown period \(text)") }
      return .period(PeriodKey(period, containing: YearMonth(index: number)))
    case "event":
      guard let name = EventName(rawValue: text) else { throw StoreError("task with unknown event \(text)") }
      return .event(name, LocalDate(dayNumber: number))
    case "ticket": return .ticket(text)
    default: return .campaign(text)
    }
  }

  private static func settlement(_ row: Row) -> Settlement? {
    let kind: String? = row[13]
    let detail: String = row[14] ?? ""
    let at = instant(row[15] ?? 0)
    switch kind {
    case "visit": return .visit(id: detail, at: at, outsideVisitingWindow: row[16])
    case "waiver": return .waiver(reason: detail, at: at)
    case "cancellation": return .cancellation(reason: detail, at: at)
    default: return nil
    }
  }
}
