import Foundation
import PostgresNIO
import Store

extension PostgresStore: CalendarEventStore {
  /// Reads the stored placements under a lock on their rows' keys (an advisory transaction lock), so two fetches
  /// at once bump a move once; writes only the new and moved ones.
  public func reviseEvents(_ placements: [String: String], at instant: Date) throws -> [String: EventRevision]
  {
    let tasks = Array(placements.keys)
    return try connection.transaction { session in
      try session.execute("SELECT pg_advisory_xact_lock(8317002)")
      var current: [String: (placement: String, revision: EventRevision)] = [:]
      for row in try session.rows(
        "SELECT task, placement, sequence, changed FROM calendar_event WHERE task = ANY(\(tasks))")
      {
        let (task, placement, sequence, changed) = try row.decode((String, String, Int, Double).self)
        current[task] = (
          placement, EventRevision(sequence: sequence, changed: Date(timeIntervalSince1970: changed))
        )
      }
      var revised: [String: EventRevision] = [:]
      var moved: (tasks: [String], placements: [String], sequences: [Int]) = ([], [], [])
      for (task, placement) in placements {
        if let known = current[task], known.placement == placement {
          revised[task] = known.revision
          continue
        }
        let revision = EventRevision(
          sequence: current[task].map { $0.revision.sequence + 1 } ?? 0, changed: instant)
        moved.tasks.append(task)
        moved.placements.append(placement)
        moved.sequences.append(revision.sequence)
        revised[task] = revision
      }
      if !moved.tasks.isEmpty {
        try session.run(
          """
          INSERT INTO calendar_event (task, placement, sequence, changed)
          SELECT task, placement, sequence, \(instant.timeIntervalSince1970)
          FROM unnest(\(moved.tasks)::text[], \(moved.placements)::text[], \(moved.sequences)::bigint[])
            AS m(task, placement, sequence)
          ON CONFLICT (task) DO UPDATE SET
            placement = excluded.placement, sequence = excluded.sequence, changed = excluded.changed
          """)
      }
      return revised
    }
  }
}
