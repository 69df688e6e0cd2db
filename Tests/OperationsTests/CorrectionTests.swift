import Foundation
import Operations
import Planner
import Store
import StoreSQLite
import Testing

/// A visit, waiver or event entered by mistake is voided: history keeps both, the plan reopens what it settled.
@Suite struct CorrectionTests {
  let clock = World.instant("2026-06-10 20:00")

  private func visit(_ id: String, at: String) -> FactBatch {
    var batch = FactBatch()
    batch.visits = [
      VisitRecord(
        visit: Visit(
          id: id, household: "H1", at: World.instant(at), channel: .inHome, kind: .basic, steward: "S1",
          interviewee: .owner, outcome: .reached, captured: Captured()))
    ]
    return batch
  }

  @Test func aVoidedVisitReopensTheTaskItSettledAndHistoryKeepsBoth() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    let settled = try #require(try recording.record(visit("V1", at: "2026-06-09 18:00")).settled.first)
    let voided = try recording.voidVisit("V1", reason: "录错户号", by: "ops1")
    let reopened = try #require(voided.update?.changes.first { $0.task.id == settled.id })
    #expect(!reopened.task.state.isSettled)
    #expect(try store.tasks(household: "H1").first { $0.id == settled.id }?.state.isSettled == false)
    let corrections = try store.read { try $0.corrections(household: "H1") }
    #expect(corrections.map(\.subject) == [.visit("V1")])
    #expect(corrections.first?.by == "ops1" && corrections.first?.reason == "录错户号")
    #expect(try store.loadFacts().visits(of: "H1").isEmpty, "the plan no longer sees the voided visit")
    let brief = try #require(
      try VisitBrief.load(
        store: store, rules: World.rules, household: "H1", clock: clock, stored: true,
        contacts: ContactStyle(showContact: false), lastContacts: 5))
    #expect(brief.corrections.count == 1)
    #expect(brief.corrections.first?.hasPrefix("visit V1 voided by ops1 at 2026-06-10 20:00: 录错户号") == true)
    let again = try recording.voidVisit("V1", reason: "again", by: "ops1")
    #expect(again.summary.isEmpty, "voiding twice changes nothing")
  }

  @Test func voidingWhatWasNeverRecordedIsRefusedNamingIt() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    #expect(throws: OperationError("unknown visit V404")) {
      try recording.voidVisit("V404", reason: "x", by: "a")
    }
    #expect(throws: OperationError.self) {
      try recording.voidWaiver(task: "H1/none/2026/1", reason: "x", by: "a")
    }
    #expect(throws: OperationError.self) {
      try recording.voidEntry(.state(.vacant), household: "H1", at: "2024-06-15", reason: "x", by: "a")
    }
    #expect(throws: OperationError.self) { try recording.voidVisit("V1", reason: " ", by: "a") }
  }

  @Test func aVoidedWaiverIsOwedAgain() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    let task = try #require(store.tasks(household: "H1").first { !$0.state.isSettled })
    _ = try recording.waive(task: task.id, reason: "业主出国")
    _ = try recording.voidWaiver(task: task.id, reason: "业主已回国", by: "lead1")
    #expect(try store.tasks(household: "H1").first { $0.id == task.id }?.state.isSettled == false)
  }

  @Test func aVoidedStateEntryLeavesTheHouseholdAsBefore() throws {
    let store = try World.store(clock: clock)
    let recording = FactRecording(store: store, rules: World.rules, clock: clock)
    _ = try recording.recordEvent(.state(.vacant), household: "H1", at: "2026-06-01")
    #expect(try store.household("H1")?.states.count == 2)
    _ = try recording.voidEntry(.state(.vacant), household: "H1", at: "2026-06-01", reason: "录错", by: "s1")
    #expect(try store.household("H1")?.states.map(\.value) == [.occupied])
  }
}
