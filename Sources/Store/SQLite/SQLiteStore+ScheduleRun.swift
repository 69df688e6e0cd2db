import Foundation
import GRDB

extension SQLiteStore {
  /// Records a schedule's run and the messages it produced in one transaction, so no restart repeats them.
  public func recordScheduleRun(_ schedule: String, scheduledFor: Date, entries: [OutboxEntry]) throws {
    try pool.write { db in
      _ = try OutboxRows.enqueue(entries, in: db)
      try db.execute(
        sql: """
          INSERT INTO schedule_run (schedule, last_run) VALUES (?, ?)
          ON CONFLICT (schedule) DO UPDATE SET last_run = excluded.last_run
          """,
        arguments: [schedule, scheduledFor.timeIntervalSince1970])
    }
  }
}
