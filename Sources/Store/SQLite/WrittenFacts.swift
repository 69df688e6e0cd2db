import CalendarSpec
import GRDB
import Planner

/// The households and visits a write into a store without any added them, kept exactly as they read back, so
/// that the re-plan of a first import need not read a million households back.
///
/// Kept only while every household and visit of the write is a new row stored as given: a household whose
/// histories or tags would not read back equal, an ignored row, an update, or any other household fact drops
/// them (`FactWriter` then reads back as usual).
struct WrittenFacts {
  private(set) var households: [Household] = []
  private(set) var visits: [Visit] = []

  /// Empty when the store holds no household, visit, ticket, waiver or campaign; nil otherwise.
  static func start(_ db: Database) throws -> WrittenFacts? {
    let held = try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (SELECT 1 FROM household) OR EXISTS (SELECT 1 FROM visit) OR EXISTS (SELECT 1 FROM ticket)
          OR EXISTS (SELECT 1 FROM waiver) OR EXISTS (SELECT 1 FROM campaign)
        """)
    return held == false ? WrittenFacts() : nil
  }

  /// Keeps a household just inserted with `history`; false when it would not read back equal.
  mutating func add(_ household: Household, history: StoredHistory) -> Bool {
    let entries = household.states.count + household.grades.count + household.events.count
    guard history.counts.reduce(0, { $0 + $1.added }) == entries,
      household.tags.allSatisfy({ !$0.isEmpty && !$0.utf8.contains(UInt8(ascii: ",")) })
    else { return false }
    households.append(household)
    return true
  }

  /// Keeps a visit just inserted with every ticket it raised (its tickets ordered as the store reads them).
  mutating func add(_ visit: Visit) {
    var visit = visit
    visit.captured.tickets.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    visits.append(visit)
  }
}

/// A reader that sees a write's facts, taking the households and visits of a first import from what was
/// written rather than from the store.
struct WrittenFactsReader: FactReading {
  let base: StoreReader
  let written: WrittenFacts

  func loadFacts() throws -> Facts {
    // In the order written: `Facts` indexes them, input order does not matter.
    try FactLoader(db: base.db, written: (written.households, written.visits)).load()
  }

  func facts(households: [String]) throws -> Facts { try base.facts(households: households) }
  func tasks(household: String?) throws -> [VisitTask] { try base.tasks(household: household) }
  func tasks(project: String) throws -> [VisitTask] { try base.tasks(project: project) }
  func tasks(assignee: String, month: YearMonth?) throws -> [VisitTask] {
    try base.tasks(assignee: assignee, month: month)
  }
  func projects(ofHouseholds households: [String]) throws -> [String: String] {
    try base.projects(ofHouseholds: households)
  }
  func buildings(project: String) throws -> [String: String] { try base.buildings(project: project) }
  func householdCount() throws -> Int { try base.householdCount() }
  func planStamp() throws -> PlanStamp { try base.planStamp() }
  func forEachUnsettledWindow(_ body: (String, LocalDate, LocalDate?, Int) throws -> Void) throws {
    try base.forEachUnsettledWindow(body)
  }
}
