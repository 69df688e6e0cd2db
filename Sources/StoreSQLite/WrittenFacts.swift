import GRDB
import Planner
import Store

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
    guard history.entryCount == entries,
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
