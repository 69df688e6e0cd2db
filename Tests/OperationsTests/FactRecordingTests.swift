import CalendarSpec
import Foundation
import Operations
import Planner
import Store
import StoreSQLite
import Testing

/// The use cases of entering facts, run on a store in memory.
@Suite struct FactRecordingTests {
  let clock = World.instant("2026-06-10 20:00")

  @Test func aStewardAssignedToTheAreaTheyAlreadyHaveOwesNoSweep() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    let same = try recording.assignSteward("S1", area: "A1", at: "2026-06-01")
    #expect(same.summary.affectedHouseholds.isEmpty)
    #expect(same.opened.isEmpty)
    #expect(try store.read { try $0.area("A1") }?.stewards.count == 1)
    let other = try recording.assignSteward("S2", area: "A1", at: "2026-06-01")
    #expect(
      other.opened.contains { $0.rule == "steward-change-sweep" }, "a new steward owes the area a sweep")
  }

  @Test func aVisitThatSettlesNothingIsNamed() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    var batch = FactBatch()
    let settling = Visit(
      id: "V1", household: "H1", at: World.instant("2026-06-09 18:00"), channel: .inHome, kind: .basic,
      steward: "S1", interviewee: .owner, outcome: .reached, captured: Captured())
    var twice = settling
    twice.id = "V2"
    twice.at = World.instant("2026-06-09 18:30")
    batch.visits = [VisitRecord(visit: settling), VisitRecord(visit: twice)]
    let recorded = try recording.record(batch)
    #expect(recorded.settled.map(\.household) == ["H1"], "one annual visit is owed, one is settled")
    #expect(recorded.visitsSettlingNothing.map(\.id) == ["V2"])
  }

  @Test func anEventInTheFutureIsRefusedAndNothingIsWritten() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    #expect(throws: OperationError.self) {
      try recording.recordEvent(.state(.vacant), household: "H1", at: "2026-06-11")
    }
    #expect(throws: OperationError.self) {
      try recording.recordEvent(.state(.vacant), household: "H404", at: "2026-06-01")
    }
    #expect(try store.household("H1")?.states.count == 1)
  }

  @Test func aWaiverWithoutReasonOrOfNoTaskIsRefused() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    #expect(throws: OperationError.self) { try recording.waive(task: "H1", reason: "away") }
    let task = try #require(store.tasks(household: "H1").first { !$0.state.isSettled })
    #expect(throws: OperationError.self) { try recording.waive(task: task.id, reason: "  ") }
    let waived = try recording.waive(task: task.id, reason: "业主出国")
    #expect(waived.settled.map(\.id) == [task.id])
  }
}
