import Foundation
import GRDB
import Synchronization
import Testing

/// `visitctl backup` and `visitctl restore` as real processes on a real database.
@Suite(.serialized) struct BackupRestoreTests {
  /// Households added in one transaction by the writer.
  static let batch = 100

  @Test func aBackupTakenWhileAWriterWritesIsConsistent() throws {
    let cli = CLI()
    try cli.importDemo(households: 60, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let base = try Self.households(cli.database)
    let writer = BatchWriter(database: cli.database)
    writer.start()
    defer { writer.stop() }
    try writer.waitForBatches(3, within: 60)
    let result = try cli.run(["backup", "\(cli.folder)/copy.sqlite", "--db", cli.database])
    let afterBackup = writer.committed
    try writer.waitForBatches(afterBackup + 2, within: 60)
    writer.stop()
    #expect(result.status == 0, "\(result.errors)")
    let copy = "\(cli.folder)/copy.sqlite"
    let queue = try DatabaseQueue(path: copy)
    #expect(try queue.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
    let copied = try Self.households(copy)
    let added = copied.subtracting(base)
    // One snapshot: whole batches only, the first k the writer committed, and every household it had before.
    #expect(base.isSubset(of: copied))
    let batches = added.count / Self.batch
    #expect(added.count % Self.batch == 0 && batches >= 3 && batches <= afterBackup)
    #expect(added == BatchWriter.ids(batches: batches))
    #expect(result.output.contains("\(copied.count) households"), "\(result.output)")
    #expect(result.output.contains("schema v"))
    let mode = try FileManager.default.attributesOfItem(atPath: copy)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
    #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter {
      $0.contains(".tmp-")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test func aBackupDoesNotReplaceAFileUnlessForced() throws {
    let cli = CLI()
    try cli.importDemo(households: 20, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let target = "\(cli.folder)/existing.sqlite"
    try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
    let refused = try cli.run(["backup", target, "--db", cli.database])
    #expect(refused.status != 0)
    #expect(refused.errors.contains("--force"), "\(refused.errors)")
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    let forced = try cli.run(["backup", target, "--force", "--db", cli.database])
    #expect(forced.status == 0, "\(forced.errors)")
    #expect(try Self.households(target).count == Self.households(cli.database).count)
  }

  @Test func restoreRefusesWhileTheDaemonsControlSocketAnswers() throws {
    let cli = CLI()
    try cli.importDemo(households: 20, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let copy = "\(cli.folder)/copy.sqlite"
    #expect(try cli.run(["backup", copy, "--db", cli.database]).status == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: cli.database))
    let daemon = try BoundControlSocket(path: "\(cli.folder)/visitd.sock")
    let refused = try cli.run(["restore", copy, "--db", cli.database])
    daemon.close()
    #expect(refused.status != 0)
    #expect(refused.errors.contains("systemctl stop visitd"), "\(refused.errors)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: cli.database)) == before)
    let kept = try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter {
      $0.contains("before-restore")
    }
    #expect(kept.isEmpty)
  }

  @Test func restorePutsTheBackupInPlaceAndKeepsTheOldDatabase() throws {
    let cli = CLI()
    try cli.importDemo(households: 30, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let copy = "\(cli.folder)/copy.sqlite"
    #expect(try cli.run(["backup", copy, "--db", cli.database]).status == 0)
    let backedUp = try Self.households(cli.database)
    let writer = BatchWriter(database: cli.database)
    try writer.writeBatch(0)
    let grown = try Self.households(cli.database)
    #expect(grown.count == backedUp.count + Self.batch)
    // A socket left behind by a daemon that is gone does not count as a running one.
    try BoundControlSocket(path: "\(cli.folder)/visitd.sock").close()
    let restored = try cli.run(["restore", copy, "--db", cli.database])
    #expect(restored.status == 0, "\(restored.errors)")
    #expect(try Self.households(cli.database) == backedUp)
    let kept = try FileManager.default.contentsOfDirectory(atPath: cli.folder).filter {
      $0.hasPrefix("visitd.sqlite.before-restore-") && !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm")
    }
    #expect(kept.count == 1, "\(kept)")
    if let old = kept.first {
      #expect(try Self.households("\(cli.folder)/\(old)") == grown)
      #expect(restored.output.contains(old), "\(restored.output)")
    }
    for suffix in ["-wal", "-shm"] {
      let stale = cli.database + suffix
      if FileManager.default.fileExists(atPath: stale) {
        // Only SQLite's own, made by the reads above: never the old database's log.
        let size = try FileManager.default.attributesOfItem(atPath: stale)[.size] as? NSNumber
        #expect(suffix == "-shm" || size?.intValue == 0)
      }
    }
    let mode = try FileManager.default.attributesOfItem(atPath: cli.database)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
  }

  @Test func restoreRefusesAFileThatIsNotAVisitdDatabase() throws {
    let cli = CLI()
    try cli.importDemo(households: 10, asOf: ShanghaiDay.endOfPreviousMonth(ShanghaiDay.text(0)))
    let before = try Self.households(cli.database)
    let junk = "\(cli.folder)/junk.sqlite"
    try String(repeating: "not a database\n", count: 500).write(
      toFile: junk, atomically: true, encoding: .utf8)
    let refused = try cli.run(["restore", junk, "--db", cli.database])
    #expect(refused.status != 0)
    #expect(refused.errors.contains("junk.sqlite"), "\(refused.errors)")
    let empty = "\(cli.folder)/empty.sqlite"
    try DatabaseQueue(path: empty).write { try $0.execute(sql: "CREATE TABLE other (x)") }
    let foreign = try cli.run(["restore", empty, "--db", cli.database])
    #expect(foreign.status != 0)
    #expect(foreign.errors.contains("not a visitd database"), "\(foreign.errors)")
    #expect(try Self.households(cli.database) == before)
  }

  /// The household ids of the database at `path`.
  static func households(_ path: String) throws -> Set<String> {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: path, configuration: configuration)
    return Set(try queue.read { try String.fetchAll($0, sql: "SELECT id FROM household") })
  }
}

/// Adds households in batches of `BackupRestoreTests.batch`, one transaction each, on a thread of its own.
final class BatchWriter: Sendable {
  private let database: String
  private let state = Mutex<(committed: Int, stopped: Bool, failure: String?)>((0, false, nil))
  private let finished = DispatchSemaphore(value: 0)

  init(database: String) { self.database = database }

  /// The batches committed so far.
  var committed: Int { state.withLock { $0.committed } }

  /// The ids batches `0..<batches` add.
  static func ids(batches: Int) -> Set<String> {
    Set(
      (0..<batches).flatMap { batch in
        (0..<BackupRestoreTests.batch).map { String(format: "W%04d-%03d", batch, $0) }
      })
  }

  /// Writes batch `number` now.
  func writeBatch(_ number: Int) throws {
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    let queue = try DatabaseQueue(path: database, configuration: configuration)
    try write(number, queue)
  }

  private func write(_ number: Int, _ queue: DatabaseQueue) throws {
    try queue.write { db in
      try db.execute(
        sql: """
          WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
          INSERT INTO household
            (id, project, building, unit, room, area, owner_surname, owner_name, owner_phone, tags)
          SELECT printf('W%04d-%03d', ?, i), h.project, h.building, h.unit, h.room || '-' || i, h.area,
            h.owner_surname, h.owner_name, h.owner_phone, h.tags
          FROM n, (SELECT * FROM household ORDER BY id LIMIT 1) AS h
          """, arguments: [BackupRestoreTests.batch, number])
    }
  }

  /// Starts writing batch after batch until `stop()`.
  func start() {
    let thread = Thread { [self] in
      defer { finished.signal() }
      do {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        let queue = try DatabaseQueue(path: database, configuration: configuration)
        var number = 0
        while !state.withLock({ $0.stopped }) {
          try write(number, queue)
          number += 1
          state.withLock { $0.committed = number }
        }
      } catch {
        state.withLock { $0.failure = "\(error)" }
      }
    }
    thread.start()
  }

  /// Stops writing and waits for the thread to end (once).
  func stop() {
    let first = state.withLock { state in
      defer { state.stopped = true }
      return !state.stopped
    }
    if first { finished.wait() }
  }

  /// Waits until `count` batches are committed; throws past `seconds` or when the writer failed.
  func waitForBatches(_ count: Int, within seconds: TimeInterval) throws {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      let (committed, failure) = state.withLock { ($0.committed, $0.failure) }
      if let failure { throw CLIError("the writer failed: \(failure)") }
      if committed >= count { return }
      usleep(2_000)
    }
    throw CLIError("the writer committed \(committed) of \(count) batches within \(seconds) s")
  }
}
