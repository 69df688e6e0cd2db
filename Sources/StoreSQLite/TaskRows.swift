import CalendarSpec
import GRDB
import Planner
import Policy
import Store

/// Maps tasks to rows of the `task` table and back.
enum TaskRows {
  private static let insert = """
    INSERT INTO task (id, household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens,
      due, grace_end, planned_month, assignee, state, settled_kind, settled_detail, settled_at, outside_window)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    """

  private static let upsert =
    insert + """

      ON CONFLICT (id) DO UPDATE SET due = excluded.due, grace_end = excluded.grace_end,
        planned_month = excluded.planned_month, assignee = excluded.assignee, state = excluded.state,
        settled_kind = excluded.settled_kind, settled_detail = excluded.settled_detail,
        settled_at = excluded.settled_at, outside_window = excluded.outside_window
      """

  static func save(_ tasks: some Sequence<VisitTask>, db: Database) throws {
    var writer = try Writer(db, upsert)
    for task in tasks { try writer.write(task) }
  }

  static func apply(_ changes: [TaskChange], db: Database) throws {
    try save(changes.lazy.map(\.task), db: db)
  }

  /// A statement that writes task rows, with the buffer their ids are written into.
  struct Writer {
    private let statement: BulkStatement
    private var id: [UInt8] = []

    init(_ db: Database, _ sql: String) throws { statement = try BulkStatement(db, sql) }

    mutating func write(_ task: VisitTask) throws {
      task.writeID(into: &id)
      try statement.run { [id] in bind(task, id: id, into: &$0) }
    }
  }

  /// From this many changes on, a first plan into an empty task table is bulk-loaded.
  static let bulkThreshold = 10_000

  /// Whether the task table has no row.
  static func isEmpty(_ db: Database) throws -> Bool {
    try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM task)") ?? true
  }

  /// Saves changes into an empty task table as a `BulkLoad` does.
  static func bulkLoad(_ changes: [TaskChange], db: Database) throws {
    var load = try BulkLoad(db)
    try load.insert(changes)
    try load.finish()
  }

  /// Tasks inserted into an empty task table with its secondary indexes dropped, built again when it finishes
  /// from their stored definitions (one sort each, instead of a B-tree insert per row and index).
  struct BulkLoad: FirstPlanLoad {
    private let db: Database
    private let indexes: [(name: String, sql: String)]
    private var writer: Writer

    /// Drops the task table's secondary indexes.
    init(_ db: Database) throws {
      self.db = db
      indexes = try Row.fetchAll(
        db,
        sql:
          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'task' AND sql IS NOT NULL"
      ).map { ($0["name"], $0["sql"]) }
      for index in indexes { try db.execute(sql: "DROP INDEX \(index.name.quotedDatabaseIdentifier)") }
      writer = try Writer(db, TaskRows.insert)
    }

    /// Inserts the changes' tasks.
    mutating func insert(_ changes: [TaskChange]) throws {
      for change in changes { try writer.write(change.task) }
    }

    /// Builds the dropped indexes again.
    mutating func finish() throws {
      for index in indexes { try db.execute(sql: index.sql) }
    }
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

  private static func bind(_ task: VisitTask, id: [UInt8], into row: inout ParameterBinder) {
    let (kind, text, number) = anchorColumns(task.anchor)
    let (settledKind, outside) = settlementColumns(task.settlement)
    row.text(utf8: id)
    row.text(task.household)
    row.text(task.project)
    row.text(task.rule)
    row.text(kind)
    row.text(text)
    row.integer(number)
    row.integer(task.ordinal)
    row.integer(task.opensDayNumber)
    row.integer(task.dueDayNumber)
    row.integer(task.lastDayNumber)
    row.integer(task.plannedMonthIndex)
    row.text(task.assignee)
    row.text(task.state.rawValue)
    row.text(settledKind)
    row.text(task.settlement?.detail)
    row.real(task.settlement?.at.timeIntervalSince1970)
    row.integer(outside ? 1 : 0)
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
