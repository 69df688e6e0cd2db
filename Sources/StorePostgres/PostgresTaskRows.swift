import CalendarSpec
import Planner
import Policy
import PostgresNIO
import Store

/// Maps tasks to rows of the `task` table and back; writes go as arrays, one statement per chunk of rows, or
/// into an empty table with COPY (see `PostgresBulkLoad`).
enum PostgresTaskRows {
  /// Rows written by one statement.
  static let chunk = 20_000
  /// Rows sent by one COPY.
  static let copyChunk = 100_000

  /// Inserts tasks, or updates what may change of those with the same ids; a task given twice is written as
  /// its last occurrence says.
  static func save(_ tasks: [VisitTask], session: PostgresSession) throws {
    var last: [String: Int] = [:]
    for (index, task) in tasks.enumerated() { last[task.id] = index }
    let unique =
      last.count == tasks.count ? tasks : tasks.indices.filter { last[tasks[$0].id] == $0 }.map { tasks[$0] }
    guard !unique.isEmpty else { return }
    if var load = try FirstPlan(session) {
      try load.insert(unique)
      return try load.finish()
    }
    var start = 0
    while start < unique.count {
      let end = min(start + chunk, unique.count)
      try upsert(unique[start..<end], session: session)
      start = end
    }
  }

  /// Tasks sent with COPY into an empty task table without its keys and indexes (see `PostgresBulkLoad`): a
  /// whole first plan project by project as it is made, the server taking one project while the next is planned.
  struct FirstPlan: FirstPlanLoad {
    private let session: PostgresSession
    private let bulk: PostgresBulkLoad

    /// Begins the load when the task table is empty; nil otherwise.
    init?(_ session: PostgresSession) throws {
      guard let bulk = try PostgresBulkLoad.begin(["task"], session: session) else { return nil }
      self.session = session
      self.bulk = bulk
    }

    mutating func insert(_ changes: [TaskChange]) throws {
      try insert(changes.map(\.task))
    }

    /// Sends tasks whose ids are new and unique.
    func insert(_ tasks: [VisitTask]) throws {
      for start in stride(from: 0, to: tasks.count, by: copyChunk) {
        let part = tasks[start..<min(start + copyChunk, tasks.count)]
        try session.copy(copyRows(part), into: "task", columns: columnNames)
      }
    }

    /// Creates the task table's keys and indexes again.
    mutating func finish() throws { try bulk.finish() }
  }

  /// One statement for a chunk: every column as an array, unnested into rows. Nullable columns travel with a
  /// value no row has (`NULLIF`), since postgres-nio sends no arrays with nulls.
  private static func upsert(_ tasks: ArraySlice<VisitTask>, session: PostgresSession) throws {
    var columns = Columns()
    columns.reserve(tasks.count)
    for task in tasks { columns.add(task) }
    try session.run(
      """
      INSERT INTO task (id, household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens,
        due, grace_end, planned_month, assignee, state, settled_kind, settled_detail, settled_at, outside_window)
      SELECT id, household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens,
        NULLIF(due, \(Columns.noDay)), NULLIF(grace_end, \(Columns.noDay)), planned_month, assignee, state,
        NULLIF(settled_kind, ''), CASE WHEN settled_kind = '' THEN NULL ELSE settled_detail END,
        CASE WHEN settled_kind = '' THEN NULL ELSE settled_at END, outside_window
      FROM unnest(\(columns.id)::text[], \(columns.household)::text[], \(columns.project)::text[],
        \(columns.rule)::text[], \(columns.anchorKind)::text[], \(columns.anchorText)::text[],
        \(columns.anchorNumber)::bigint[], \(columns.ordinal)::bigint[], \(columns.opens)::bigint[],
        \(columns.due)::bigint[], \(columns.graceEnd)::bigint[], \(columns.plannedMonth)::bigint[],
        \(columns.assignee)::text[], \(columns.state)::text[], \(columns.settledKind)::text[],
        \(columns.settledDetail)::text[], \(columns.settledAt)::float8[], \(columns.outside)::boolean[])
        AS t(id, household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens, due,
          grace_end, planned_month, assignee, state, settled_kind, settled_detail, settled_at, outside_window)
      ON CONFLICT (id) DO UPDATE SET due = excluded.due, grace_end = excluded.grace_end,
        planned_month = excluded.planned_month, assignee = excluded.assignee, state = excluded.state,
        settled_kind = excluded.settled_kind, settled_detail = excluded.settled_detail,
        settled_at = excluded.settled_at, outside_window = excluded.outside_window
      """)
  }

  /// The task table's columns, in the order of `copyRows`.
  private static let columnNames = [
    "id", "household", "project", "rule", "anchor_kind", "anchor_text", "anchor_number", "ordinal", "opens",
    "due", "grace_end", "planned_month", "assignee", "state", "settled_kind", "settled_detail", "settled_at",
    "outside_window",
  ]

  /// Tasks as COPY rows of `columnNames`.
  private static func copyRows(_ tasks: ArraySlice<VisitTask>) -> CopyRows {
    var rows = CopyRows()
    for task in tasks {
      let (kind, text, number) = anchorColumns(task.anchor)
      for value in [task.id, task.household, task.project, task.rule, kind, text] { rows.add(value) }
      rows.add(number)
      rows.add(task.ordinal)
      rows.add(task.opensDayNumber)
      for day in [task.dueDayNumber, task.lastDayNumber] {
        if let day { rows.add(day) } else { rows.addNull() }
      }
      rows.add(task.plannedMonthIndex)
      rows.add(task.assignee)
      rows.add(task.state.rawValue)
      if let settled = settlementColumns(task.settlement) {
        rows.add(settled.kind)
        rows.add(settled.detail)
        rows.add(settled.at)
        rows.add(settled.outside)
      } else {
        for _ in 0..<3 { rows.addNull() }
        rows.add(false)
      }
      rows.endRow()
    }
    return rows
  }

  /// A settlement's columns: its kind, detail, instant and whether the visit fell outside the window.
  private static func settlementColumns(_ settlement: Settlement?) -> (
    kind: String, detail: String, at: Double, outside: Bool
  )? {
    switch settlement {
    case .visit(let visit, let at, let outsideWindow):
      ("visit", visit, at.timeIntervalSince1970, outsideWindow)
    case .waiver(let reason, let at): ("waiver", reason, at.timeIntervalSince1970, false)
    case .cancellation(let reason, let at): ("cancellation", reason, at.timeIntervalSince1970, false)
    case nil: nil
    }
  }

  /// The columns of a chunk of tasks, one array each.
  private struct Columns {
    /// The day number standing for "none" (no task has it).
    static let noDay = Int.min
    var id: [String] = [], household: [String] = [], project: [String] = [], rule: [String] = []
    var anchorKind: [String] = [], anchorText: [String] = [], anchorNumber: [Int] = [], ordinal: [Int] = []
    var opens: [Int] = [], due: [Int] = [], graceEnd: [Int] = [], plannedMonth: [Int] = []
    var assignee: [String] = [], state: [String] = [], settledKind: [String] = [],
      settledDetail: [String] = []
    var settledAt: [Double] = [], outside: [Bool] = []

    mutating func reserve(_ count: Int) {
      id.reserveCapacity(count)
      household.reserveCapacity(count)
      opens.reserveCapacity(count)
    }

    mutating func add(_ task: VisitTask) {
      let (kind, text, number) = anchorColumns(task.anchor)
      id.append(task.id)
      household.append(task.household)
      project.append(task.project)
      rule.append(task.rule)
      anchorKind.append(kind)
      anchorText.append(text)
      anchorNumber.append(number)
      ordinal.append(task.ordinal)
      opens.append(task.opensDayNumber)
      due.append(task.dueDayNumber ?? Self.noDay)
      graceEnd.append(task.lastDayNumber ?? Self.noDay)
      plannedMonth.append(task.plannedMonthIndex)
      assignee.append(task.assignee)
      state.append(task.state.rawValue)
      let settled = settlementColumns(task.settlement)
      settledKind.append(settled?.kind ?? "")
      settledDetail.append(settled?.detail ?? "")
      settledAt.append(settled?.at ?? 0)
      outside.append(settled?.outside ?? false)
    }
  }

  private static func anchorColumns(_ anchor: TaskAnchor) -> (String, String, Int) {
    switch anchor {
    case .period(let key): return ("period", key.period.rawValue, key.first.index)
    case .event(let name, let day): return ("event", name.rawValue, day.dayNumber)
    case .ticket(let number): return ("ticket", number, 0)
    case .campaign(let id): return ("campaign", id, 0)
    }
  }

  /// The tasks of the rows `condition` (a `WHERE` clause on `$1`… or empty) selects, by id.
  static func load(_ condition: String, _ values: [String] = [], session: PostgresSession) throws
    -> [VisitTask]
  {
    var binds = PostgresBindings()
    for value in values { binds.append(value) }
    return try load(condition, binds, session: session)
  }

  /// The tasks of the rows `condition` selects with `binds`, by id.
  static func load(_ condition: String, _ binds: PostgresBindings, session: PostgresSession) throws
    -> [VisitTask]
  {
    let sql = """
      SELECT household, project, rule, anchor_kind, anchor_text, anchor_number, ordinal, opens, due, grace_end,
        planned_month, assignee, state, settled_kind, settled_detail, settled_at, outside_window FROM task
      \(condition) ORDER BY id
      """
    return try session.rows(PostgresQuery(unsafeSQL: sql, binds: binds)).map(task)
  }

  private static func task(_ row: PostgresRow) throws -> VisitTask {
    let (household, project, rule, kind, text, number, ordinal, opens, due, grace) = try row.decode(
      (String, String, String, String, String, Int, Int, Int, Int?, Int?).self)
    let random = row.makeRandomAccess()
    let plannedMonth = try random[10].decode(Int.self)
    let assignee = try random[11].decode(String.self)
    let state = try random[12].decode(String.self)
    let settledKind = try random[13].decode(String?.self)
    let detail = try random[14].decode(String?.self) ?? ""
    let at = instant(try random[15].decode(Double?.self) ?? 0)
    let outside = try random[16].decode(Bool.self)
    let settlement: Settlement? =
      switch settledKind {
      case "visit": .visit(id: detail, at: at, outsideVisitingWindow: outside)
      case "waiver": .waiver(reason: detail, at: at)
      case "cancellation": .cancellation(reason: detail, at: at)
      default: nil
      }
    return VisitTask(
      household: household, project: project, rule: rule, anchor: try anchor(kind, text, number),
      ordinal: ordinal, opens: LocalDate(dayNumber: opens), due: due.map(LocalDate.init(dayNumber:)),
      graceEnd: grace.map(LocalDate.init(dayNumber:)), plannedMonth: YearMonth(index: plannedMonth),
      assignee: assignee, state: TaskState(rawValue: state) ?? .planned, settlement: settlement)
  }

  private static func anchor(_ kind: String, _ text: String, _ number: Int) throws -> TaskAnchor {
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
}
