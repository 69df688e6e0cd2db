import Foundation
import Operations
import Planner
import Store
import StorePostgres
import TestSupport
import Testing

/// Several nodes on one PostgreSQL database: one leader at a time by a lease on the database's clock, a fencing
/// epoch that refuses a former leader's late writes, each schedule elapse run once, and word of fact changes.
@Suite struct LeaderElectionTests {
  static let elapse = Seed.instant("2026-03-02 09:00")
  static let notice = OutboxEntry(
    key: "run:steward-digest:1", audience: "steward", payload: "{}", notBefore: elapse)

  @Test func oneNodeLeadsUntilItsLeaseRunsOutAndTheNextLeaderHasANewerEpoch() async throws {
    let url = try PostgresServer.freshDatabase()
    let (first, second) = (try PostgresStore(url: url), try PostgresStore(url: url))
    let term = try #require(try first.lead(node: "a", lease: 1))
    #expect(try second.lead(node: "b", lease: 1) == nil, "a's lease runs")
    #expect(try first.lead(node: "a", lease: 1)?.epoch == term.epoch, "a renewal keeps the epoch")
    #expect(try second.currentLeader()?.node == "a")
    var next: LeaderTerm?
    #expect(
      try await within(seconds: 10) {
        next = try second.lead(node: "b", lease: 30)
        return next != nil
      })
    #expect(next?.epoch == term.epoch + 1)
    #expect(try first.lead(node: "a", lease: 1) == nil, "a does not win back b's running lease")
  }

  @Test func aFormerLeadersScheduleRunAndRePlanAreRefusedAndLeaveNothing() async throws {
    let url = try PostgresServer.freshDatabase()
    let (first, second) = (try PostgresStore(url: url), try PostgresStore(url: url))
    try first.write(Seed.batch)
    _ = try #require(try first.lead(node: "a", lease: 0.5))
    // a is paused past its lease (SIGSTOP); b takes over.
    #expect(try await within(seconds: 10) { try second.lead(node: "b", lease: 30) != nil })
    let late = #expect(throws: StoreError.self) {
      try first.recordRun(schedule: "steward-digest", scheduledFor: Self.elapse, entries: [Self.notice])
    }
    #expect(late?.isNotLeader == true, "\(String(describing: late))")
    #expect(try second.outboxRows(state: nil, limit: 10).isEmpty, "the refused run enqueued nothing")
    #expect(try second.lastRun(schedule: "steward-digest") == nil)
    let planning = StoredPlanning(rules: PlanStampTests.rules, clock: Self.elapse)
    let refused = #expect(throws: StoreError.self) { try first.replan { try planning.whole($0).update } }
    #expect(refused?.isNotLeader == true)
    #expect(try second.tasks(household: nil).isEmpty, "the refused re-plan stored no task")
    #expect(
      try second.recordRun(schedule: "steward-digest", scheduledFor: Self.elapse, entries: [Self.notice]) == 1
    )
  }

  @Test func aResignedLeaseIsTakenAtOnce() throws {
    let url = try PostgresServer.freshDatabase()
    let (first, second) = (try PostgresStore(url: url), try PostgresStore(url: url))
    _ = try #require(try first.lead(node: "a", lease: 60))
    try first.resign()
    #expect(try second.lead(node: "b", lease: 60)?.node == "b")
  }

  @Test func anElapseRunsOnceWhicheverStoreRecordsIt() throws {
    let url = try PostgresServer.freshDatabase()
    let (first, second) = (try PostgresStore(url: url), try PostgresStore(url: url))
    #expect(try first.recordRun(schedule: "s", scheduledFor: Self.elapse, entries: [Self.notice]) == 1)
    let other = OutboxEntry(key: "run:s:again", audience: "steward", payload: "{}", notBefore: Self.elapse)
    #expect(try second.recordRun(schedule: "s", scheduledFor: Self.elapse, entries: [other]) == 0)
    #expect(try first.outboxRows(state: nil, limit: 10).map(\.key) == [Self.notice.key])
    // An older elapse recorded late does not move the last run back.
    try second.recordRun(schedule: "s", scheduledFor: Self.elapse.addingTimeInterval(-86_400), entries: [])
    #expect(try first.lastRun(schedule: "s") == Self.elapse)
  }

  @Test func aFactWriteIsHeardByTheOtherStores() async throws {
    let url = try PostgresServer.freshDatabase()
    let (writer, listener) = (try PostgresStore(url: url), try PostgresStore(url: url))
    try writer.write(Seed.batch)
    let heard = Heard()
    let following = Task {
      await listener.followFactChanges(listening: { heard.startedListening() }) { heard.add($0) }
    }
    defer { following.cancel() }
    // Generous deadlines: the whole suite shares two cores with this listener.
    #expect(try await within(seconds: 60) { heard.listening })
    var batch = FactBatch()
    batch.households = [Seed.household("H7")]
    try writer.write(batch)
    #expect(try await within(seconds: 60) { heard.households.contains("H7") })
  }

  /// Polls `condition` every 50 ms until it holds or `seconds` pass; true when it held.
  private func within(seconds: Double, _ condition: () throws -> Bool) async throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try condition() { return true }
      try await Task.sleep(for: .milliseconds(50))
    }
    return try condition()
  }
}

/// Households heard of by a listener.
private final class Heard: @unchecked Sendable {
  private let lock = NSLock()
  private var heard: [String] = []

  private var started = false

  func add(_ households: [String]) { lock.withLock { heard += households } }
  func startedListening() { lock.withLock { started = true } }
  var listening: Bool { lock.withLock { started } }

  var households: [String] { lock.withLock { heard } }
}
