import Foundation
import Testing

@testable import Store

@Suite struct MigrationTests {
  @Test func migratesAnEmptyFile() throws {
    let folder = TempFolder()
    let store = try SQLiteStore(path: folder.database)
    #expect(try store.appliedMigrations() == ["v1", "v2"])
    let tables = Set(try store.rowCounts().keys)
    let expected: Set<String> = [
      "project", "steward", "area", "area_steward", "household", "household_state", "household_grade",
      "household_event", "visit", "visit_info", "visit_feedback", "visit_rating", "ticket", "waiver",
      "campaign",
      "task", "outbox", "schedule_run", "plan_state",
    ]
    #expect(expected.isSubset(of: tables))
    #expect(try store.integrityProblems().isEmpty)
  }

  @Test func reopeningKeepsDataAndMigratesNothingTwice() throws {
    let folder = TempFolder()
    _ = try Seed.store(in: folder)
    let reopened = try SQLiteStore(path: folder.database)
    #expect(try reopened.appliedMigrations() == ["v1", "v2"])
    #expect(try reopened.rowCounts()["household"] == 1)
  }

  @Test func filesAreReadableByTheOwnerOnly() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    for suffix in ["", "-wal", "-shm"] {
      let path = folder.database + suffix
      guard FileManager.default.fileExists(atPath: path) else { continue }
      let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
      #expect(mode == 0o600, "\(path)")
    }
    #expect(try store.loadFacts().households.count == 1)
  }

  @Test func locationFollowsSystemd() {
    #expect(DatabaseLocation.path(explicit: "/x.db", environment: [:]) == "/x.db")
    #expect(
      DatabaseLocation.path(explicit: nil, environment: ["STATE_DIRECTORY": "/var/lib/visitd"])
        == "/var/lib/visitd/visitd.sqlite")
    #expect(DatabaseLocation.path(explicit: nil, environment: [:]) == "var/visitd.sqlite")
  }

  @Test func masksNamesAndPhones() {
    #expect(Masking.name("张伟") == "张*")
    #expect(Masking.name("欧阳娜娜") == "欧*")
    #expect(Masking.phone("13812345678") == "138****5678")
    #expect(Masking.phone("13812345678", showContact: true) == "13812345678")
  }
}
