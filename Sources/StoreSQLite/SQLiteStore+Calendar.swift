import Foundation
import GRDB
import Store

extension SQLiteStore: CalendarEventStore {
  /// Reads the stored placements first and writes only when one is new or moved, so that fetching an unchanged
  /// feed takes no write lock; the write re-reads under the lock, so two fetches at once bump a move once.
  public func reviseEvents(_ placements: [String: String], at instant: Date) throws -> [String: EventRevision]
  {
    let stored = try pool.read { db in try Self.storedEvents(placements.keys, db: db) }
    guard placements.contains(where: { stored[$0.key]?.placement != $0.value }) else {
      return stored.mapValues(\.revision)
    }
    return try pool.writeWithoutTransaction { db in
      var revised: [String: EventRevision] = [:]
      try db.inTransaction(.immediate) {
        let current = try Self.storedEvents(placements.keys, db: db)
        let upsert = try db.cachedStatement(
          sql: """
            INSERT INTO calendar_event (task, placement, sequence, changed) VALUES (?, ?, ?, ?)
            ON CONFLICT (task) DO UPDATE SET
              placement = excluded.placement, sequence = excluded.sequence, changed = excluded.changed
            """)
        for (task, placement) in placements {
          if let known = current[task], known.placement == placement {
            revised[task] = known.revision
            continue
          }
          let revision = EventRevision(
            sequence: current[task].map { $0.revision.sequence + 1 } ?? 0, changed: instant)
          try upsert.execute(arguments: [task, placement, revision.sequence, instant.timeIntervalSince1970])
          revised[task] = revision
        }
        return .commit
      }
      return revised
    }
  }

  private static func storedEvents(_ tasks: Dictionary<String, String>.Keys, db: Database) throws
    -> [String: (placement: String, revision: EventRevision)]
  {
    let select = try db.cachedStatement(
      sql: "SELECT placement, sequence, changed FROM calendar_event WHERE task = ?")
    var found: [String: (placement: String, revision: EventRevision)] = [:]
    found.reserveCapacity(tasks.count)
    for task in tasks {
      guard let row = try Row.fetchOne(select, arguments: [task]) else { continue }
      found[task] = (
        row["placement"],
        EventRevision(sequence: row["sequence"], changed: Date(timeIntervalSince1970: row["changed"]))
      )
    }
    return found
  }
}
