import CalendarSpec
import Foundation
import Planner
import Policy
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

@Suite struct RoundTripTests {
  @Test(arguments: StoreBackend.allCases) func factsComeBackAsWritten(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    var batch = FactBatch()
    let captured = Captured(
      infoChanged: [.hobbies], feedback: [FeedbackItem(category: "parking", isNeed: true)],
      ratings: ["overall": 4],
      tickets: ["访谈-001"])
    let visit = Visit(
      id: "V1", household: "H1", at: Seed.instant("2026-03-10 18:05"), channel: .inHome, kind: .deep,
      steward: "S1",
      captured: captured)
    batch.visits = [VisitRecord(visit: visit, details: [.hobbies: "钓鱼"], feedbackTexts: ["希望增加充电桩"])]
    batch.householdEntries = [
      HouseholdEntry(household: "H1", change: .grade(.a), at: Seed.instant("2026-01-01"))
    ]
    batch.waivers = [
      Waiver(task: "H1/occupied-annual/2026/1", reason: "业主出国", at: Seed.instant("2026-02-01"))
    ]
    batch.campaigns = [
      Campaign(
        id: "C1", rule: "activity-invitation", project: "P1", buildings: ["1栋"],
        from: LocalDate(year: 2026, month: 5, day: 1)!, to: LocalDate(year: 2026, month: 5, day: 20)!)
    ]
    let summary = try store.write(batch)
    #expect(summary.affectedHouseholds == ["H1"])
    var closing = FactBatch()
    closing.ticketClosures = [TicketClosure(number: "访谈-001", at: Seed.instant("2026-03-15"))]
    try store.write(closing)

    let facts = try store.loadFacts()
    #expect(facts.visits(of: "H1") == [visit])
    #expect(facts.households["H1"]?.grades.map(\.value) == [.c, .a])
    #expect(facts.households["H1"]?.owner.phone == "13812345678")
    #expect(facts.tickets(of: "H1").first?.closedAt == Seed.instant("2026-03-15"))
    #expect(facts.waivers(of: "H1").count == 1)
    #expect(facts.campaigns == batch.campaigns)
    #expect(facts.areas["A1"]?.steward(at: Seed.instant("2026-01-01")) == "S1")
  }

  @Test(arguments: StoreBackend.allCases) func historyIsAddedNeverOverwritten(_ backend: StoreBackend) throws
  {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    var batch = FactBatch()
    batch.householdEntries = [
      HouseholdEntry(household: "H1", change: .state(.vacant), at: Seed.instant("2026-04-01"))
    ]
    batch.assignments = [AreaAssignment(area: "A1", steward: "S2", since: Seed.instant("2026-05-01"))]
    let first = try store.write(batch)
    #expect(first.affectedHouseholds == ["H1"])
    #expect(try store.write(batch).isEmpty)
    let facts = try store.loadFacts()
    #expect(facts.households["H1"]?.states.map(\.value) == [.occupied, .vacant])
    #expect(facts.areas["A1"]?.stewards.map(\.steward) == ["S1", "S2"])
  }

  @Test(arguments: StoreBackend.allCases) func aReimportedHouseholdAddsOnlyItsNewHistoryEntries(
    _ backend: StoreBackend
  ) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    var household = Seed.household("H1")
    let fraction = Date(timeIntervalSince1970: 1_780_000_000.25)
    household.states.append(Dated(.vacant, since: Seed.instant("2024-06-15")))
    household.states.append(Dated(.renovating, since: fraction))
    household.events.append(HouseholdEvent(.delivered, at: Seed.instant("2024-06-15")))
    var batch = FactBatch()
    batch.households = [household]
    let summary = try store.write(batch)
    #expect(summary.added == ["household_state": 1, "household_event": 1] && summary.updated.isEmpty)
    #expect(summary.affectedHouseholds == ["H1"])
    let stored = try #require(try store.loadFacts().households["H1"])
    #expect(
      stored.states.map(\.value) == [.occupied, .renovating], "a second state at one instant is not kept")
    #expect(stored.states.last?.since == fraction)
    #expect(stored.events.map(\.name) == [.delivered, .movedIn])
    #expect(try store.write(batch).isEmpty)
  }

  @Test(arguments: StoreBackend.allCases) func unknownReferencesAreRefusedAndRolledBack(
    _ backend: StoreBackend
  ) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    var batch = FactBatch()
    batch.householdEntries = [
      HouseholdEntry(household: "H1", change: .grade(.d), at: Seed.instant("2026-04-01")),
      HouseholdEntry(household: "H404", change: .grade(.d), at: Seed.instant("2026-04-01")),
    ]
    #expect(throws: StoreError.self) { try store.write(batch) }
    #expect(try store.loadFacts().households["H1"]?.grades.count == 1)
  }

  @Test(arguments: StoreBackend.allCases) func dryRunWritesNothing(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    var batch = FactBatch()
    batch.households = [Seed.household("H2")]
    let summary = try store.write(batch, dryRun: true)
    #expect(summary.added["household"] == 1 && summary.dryRun)
    #expect(try store.rowCounts()["household"] == 1)
  }

  @Test(arguments: StoreBackend.allCases) func tasksRoundTrip(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    let day = LocalDate(year: 2026, month: 3, day: 31)!
    let tasks = [
      VisitTask(
        household: "H1", project: "P1", rule: "vacant-quarterly",
        anchor: .period(PeriodKey(.quarter, containing: YearMonth(year: 2026, month: 2))), ordinal: 1,
        opens: LocalDate(year: 2026, month: 1, day: 1)!, due: day, graceEnd: day.adding(days: 5),
        plannedMonth: YearMonth(year: 2026, month: 2), assignee: "S1", state: .done,
        settlement: .visit(id: "V1", at: Seed.instant("2026-02-03 18:00"), outsideVisitingWindow: true)),
      VisitTask(
        household: "H1", project: "P1", rule: "move-in-welcome", anchor: .event(.movedIn, day), ordinal: 1,
        opens: day, due: nil, plannedMonth: YearMonth(year: 2026, month: 4), assignee: "S1", state: .open),
      VisitTask(
        household: "H1", project: "P1", rule: "ticket-follow-up", anchor: .ticket("访谈-1"), ordinal: 1,
        opens: day,
        due: day.adding(days: 3), plannedMonth: YearMonth(year: 2026, month: 3), assignee: "S1",
        state: .waived,
        settlement: .waiver(reason: "业主拒访", at: Seed.instant("2026-04-01"))),
      VisitTask(
        household: "H1", project: "P1", rule: "activity-invitation", anchor: .campaign("C1"), ordinal: 2,
        opens: day,
        due: day, plannedMonth: YearMonth(year: 2026, month: 3), assignee: "S2", state: .cancelled,
        settlement: .cancellation(reason: "state vacant", at: Seed.instant("2026-04-01"))),
    ]
    try store.save(tasks: tasks)
    #expect(try store.tasks(household: "H1") == tasks.sorted { $0.id < $1.id })
    let reassigned = VisitTask(
      household: "H1", project: "P1", rule: "move-in-welcome", anchor: .event(.movedIn, day), ordinal: 1,
      opens: day,
      due: nil, plannedMonth: YearMonth(year: 2026, month: 4), assignee: "S2", state: .open)
    try store.apply([TaskChange(kind: .reassigned, task: reassigned, previous: tasks[1])])
    #expect(try store.tasks(household: nil).first { $0.id == reassigned.id }?.assignee == "S2")
  }

  @Test(arguments: StoreBackend.allCases) func scheduleRunsAreKept(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    #expect(try store.lastRun(schedule: "digest") == nil)
    try store.recordRun(schedule: "digest", scheduledFor: Seed.instant("2026-03-01 08:00"), entries: [])
    #expect(try store.lastRun(schedule: "digest") == Seed.instant("2026-03-01 08:00"))
  }

  @Test(arguments: StoreBackend.allCases) func replanHookRunsInTheSameTransaction(_ backend: StoreBackend)
    throws
  {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    var batch = FactBatch()
    batch.householdEntries = [
      HouseholdEntry(household: "H1", change: .grade(.b), at: Seed.instant("2026-04-01"))
    ]
    struct Boom: Error {}
    #expect(throws: Boom.self) { try store.write(batch, dryRun: false) { _, _, _ in throw Boom() } }
    #expect(try store.loadFacts().households["H1"]?.grades.count == 1)
  }
}
