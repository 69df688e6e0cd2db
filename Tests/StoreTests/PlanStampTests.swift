import CalendarSpec
import Foundation
import GRDB
import Planner
import Policy
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

/// The plan stamp says whether the stored tasks are the plan of the stored facts, and writes keep it so.
@Suite struct PlanStampTests {
  static let rules: RuleSet = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rules").path
    return try! PolicyLoader.ruleSet(RuleSource(directories: [folder]))
  }()

  @Test(arguments: StoreBackend.allCases)
  func aNewDatabaseHasNoCurrentPlanAndAWriteBumpsTheFactsVersion(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    let empty = try store.planStamp()
    #expect(empty.plannedVersion != empty.factsVersion)
    try store.write(Seed.batch)
    #expect(try store.planStamp().factsVersion == empty.factsVersion + 1)
    #expect(try store.write(Seed.batch).isEmpty)
    #expect(try store.planStamp().factsVersion == empty.factsVersion + 1, "a write changing nothing")
  }

  @Test(arguments: StoreBackend.allCases)
  func planningStampsTheStoredTasksAsCurrentUntilAWriteWithoutReplanning(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    let planning = StoredPlanning(rules: Self.rules, clock: Seed.instant("2026-03-02 09:00"))
    #expect(!planning.isCurrent(try store.planStamp()))
    try store.replan { try planning.whole($0).update }
    #expect(planning.isCurrent(try store.planStamp()))
    #expect(!(try store.tasks(household: "H1")).isEmpty)
    let otherRules = StoredPlanning(rules: Self.rules, clock: Seed.instant("2027-01-02 09:00"))
    #expect(!otherRules.isCurrent(try store.planStamp()), "another year")

    var grade = FactBatch()
    grade.householdEntries = [
      HouseholdEntry(household: "H1", change: .grade(.a), at: Seed.instant("2026-03-01"))
    ]
    try store.write(grade)
    #expect(!planning.isCurrent(try store.planStamp()))
  }

  @Test(arguments: StoreBackend.allCases)
  func theHookSeesTheWriteAndKeepsThePlanCurrent(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    let clock = Seed.instant("2026-03-02 09:00")
    let planning = StoredPlanning(rules: Self.rules, clock: clock)
    try store.replan { try planning.whole($0).update }
    var batch = FactBatch()
    batch.households = [Seed.household("H2")]
    var seen: [String] = []
    let (summary, update) = try store.write(batch, dryRun: false) { summary, before, reader in
      seen = Array(try reader.facts(households: ["H2"]).households.keys)
      return try planning.afterWrite(summary, before: before, reader)
    }
    #expect(summary.affectedHouseholds == ["H2"])
    #expect(seen == ["H2"])
    #expect(update?.changes.allSatisfy { $0.task.household == "H2" } == true)
    #expect(planning.isCurrent(try store.planStamp()))
    #expect(!(try store.tasks(household: "H2")).isEmpty)
  }

  @Test(arguments: StoreBackend.allCases)
  func reReplanningSomeHouseholdsGivesWhatPlanningEverythingGives(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    var batch = Seed.batch
    batch.households = (1...12).map { Seed.household("H\($0)", area: $0 % 3 == 0 ? "A2" : "A1") }
    try store.write(batch)
    try store.replan {
      try StoredPlanning(rules: Self.rules, clock: Seed.instant("2026-01-05 09:00")).whole($0).update
    }

    let clock = Seed.instant("2026-03-10 20:00")
    let planning = StoredPlanning(rules: Self.rules, clock: clock)
    var visit = FactBatch()
    visit.visits = [
      VisitRecord(
        visit: Visit(
          id: "V1", household: "H4", at: Seed.instant("2026-03-10 18:05"), channel: .inHome, kind: .deep,
          steward: "S1"))
    ]
    visit.householdEntries = [
      HouseholdEntry(household: "H5", change: .state(.vacant), at: Seed.instant("2026-03-09"))
    ]
    let (_, update) = try store.write(visit, dryRun: false) { summary, before, reader in
      try planning.afterWrite(summary, before: before, reader)
    }
    #expect(update?.changes.contains { $0.kind == .settled && $0.task.household == "H4" } == true)
    let again = try store.read { try planning.whole($0).update.changes }
    #expect(again.isEmpty, "planning everything changes nothing more: \(again.map(\.task.id))")
  }

  @Test(arguments: StoreBackend.allCases)
  func reReplanningAfterAStewardChangeAndANewcomerGivesWhatPlanningEverythingGives(_ backend: StoreBackend)
    throws
  {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    var batch = Seed.batch
    batch.households = (1...24).map { Seed.household("H\($0)", area: $0 % 3 == 0 ? "A2" : "A1") }
    for index in batch.households.indices where batch.households[index].area == "A2" {
      batch.households[index].project = "P2"
    }
    try store.write(batch)
    try store.replan {
      try StoredPlanning(rules: Self.rules, clock: Seed.instant("2026-01-05 09:00")).whole($0).update
    }
    // A1 passes from S1 to S2 (who keeps A2), and a household moves into A1: their tasks join S2's split groups.
    let planning = StoredPlanning(rules: Self.rules, clock: Seed.instant("2026-04-10 20:00"))
    var change = FactBatch()
    change.assignments = [AreaAssignment(area: "A1", steward: "S2", since: Seed.instant("2026-04-01"))]
    change.households = [Seed.household("H25")]
    let (summary, update) = try store.write(change, dryRun: false) { summary, before, reader in
      try planning.afterWrite(summary, before: before, reader)
    }
    #expect(summary.affectedHouseholds.contains("H25"))
    #expect(update?.changes.contains { $0.task.household == "H25" && $0.task.assignee == "S2" } == true)
    let again = try store.read { try planning.whole($0).update.changes }
    #expect(again.isEmpty, "planning everything changes nothing more: \(again.map(\.task.id))")
  }

  @Test(arguments: StoreBackend.allCases)
  func aNewcomerPlannedByItsWriteGetsTheMonthAWholePlanGivesIt(_ backend: StoreBackend) throws {
    // Twelve buildings of two households, one steward: the half-year's deep interviews fill every month.
    var batch = Seed.batch
    batch.areas[0].buildings = (1...12).map { "\($0)栋" }
    batch.households = (1...24).map { index in
      var household = Seed.household("H\(index)")
      household.building = "\((index + 1) / 2)栋"
      return household
    }
    var newcomer = Seed.household("H25")
    newcomer.building = "12栋"
    var arrival = FactBatch()
    arrival.households = [newcomer]
    let clock = Seed.instant("2026-03-10 20:00")
    var months: [String] = []
    for scoped in [true, false] {
      let folder = TempFolder()
      let store = try backend.open(in: folder)
      try store.write(batch)
      try store.replan {
        try StoredPlanning(rules: Self.rules, clock: Seed.instant("2026-01-05 09:00")).whole($0).update
      }
      let planning = StoredPlanning(rules: Self.rules, clock: clock)
      if scoped {
        _ = try store.write(arrival, dryRun: false) { summary, before, reader in
          try planning.afterWrite(summary, before: before, reader)
        }
      } else {
        try store.write(arrival)
        try store.replan { try planning.whole($0).update }
      }
      months += try store.tasks(household: "H25").filter { $0.rule == "deep-interview" }.map {
        "\($0.id) \($0.plannedMonth)"
      }
    }
    #expect(months.count == 4 && Array(months.prefix(2)) == Array(months.suffix(2)), "\(months)")
  }

  @Test(arguments: StoreBackend.allCases)
  func scopedReadsReturnOnlyWhatTheyName(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try backend.open(in: folder)
    var batch = Seed.batch
    var other = Seed.household("H3", area: "A2")
    other.project = "P2"
    batch.households = [Seed.household("H1"), Seed.household("H2"), other]
    try store.write(batch)
    let clock = Seed.instant("2026-03-02 09:00")
    try store.replan { try StoredPlanning(rules: Self.rules, clock: clock).whole($0).update }
    try store.read { reader in
      let facts = try reader.facts(households: ["H2"])
      #expect(Array(facts.households.keys) == ["H2"])
      #expect(facts.projects.count == 2 && facts.stewards.count == 2)
      #expect(try reader.tasks(project: "P1").allSatisfy { $0.project == "P1" })
      let s1 = try reader.tasks(assignee: "S1", month: nil)
      #expect(Set(s1.map(\.household)) == ["H1", "H2"])
      guard let month = s1.first?.plannedMonth else {
        Issue.record("S1 has no tasks")
        return
      }
      #expect(try reader.tasks(assignee: "S1", month: month) == s1.filter { $0.plannedMonth == month })
      #expect(try reader.projects(ofHouseholds: ["H1", "H3", "nobody"]) == ["H1": "P1", "H3": "P2"])
      #expect(try reader.buildings(project: "P1") == ["H1": "1栋", "H2": "1栋"])
      #expect(try reader.buildings(project: "P2") == ["H3": "1栋"])
    }
  }

  @Test(arguments: StoreBackend.allCases)
  func householdListsAreEscapedForJSONEach(_ backend: StoreBackend) throws {
    #expect(JSONList.text(["H1", "a\"b\\c", "tab\there"]) == #"["H1","a\"b\\c","tab\u0009here"]"#)
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    let facts = try store.read { try $0.facts(households: ["H1", "a\"b"]) }
    #expect(Array(facts.households.keys) == ["H1"])
    #expect(Set(facts.areas.keys) == ["A1"])
    #expect(facts.stewards["S1"] != nil && facts.stewards["S2"] != nil, "the area's steward and the leads")
  }

  @Test func aVersion1DatabaseUpgradesWithItsFactsAndAStalePlan() throws {
    let folder = TempFolder()
    let pool = try DatabasePool(path: folder.database)
    try Schema.migrator.migrate(pool, upTo: "v1")
    try pool.write { db in
      try db.execute(sql: "INSERT INTO project VALUES ('P1', '翠湖花园', 'Asia/Shanghai', 'S1')")
    }
    try pool.close()
    let store = try SQLiteStore(path: folder.database)
    #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9"])
    #expect(try store.loadFacts().projects["P1"]?.name == "翠湖花园")
    let stamp = try store.planStamp()
    #expect(stamp.plannedVersion != stamp.factsVersion)
  }

  @Test(arguments: StoreBackend.allCases)
  func aPlanMadeAtAClockReadBeforeAWriteCommittedStillHasThatWrite(_ backend: StoreBackend) throws {
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    let clock = Seed.instant("2026-03-02 09:00")
    try store.replan { try StoredPlanning(rules: Self.rules, clock: clock).whole($0).update }
    let unsettled = { (task: VisitTask) in task.settlement == nil && task.state != .cancelled }
    let task = try #require(try store.tasks(household: "H1").first(where: unsettled))
    // A waiver granted two seconds later is stored while the plan is stale; the re-plan that follows read its
    // clock before the waiver committed (a daemon pass, an explain, another write on a loaded machine).
    var waiver = FactBatch()
    waiver.waivers = [Waiver(task: task.id, reason: "owner abroad", at: clock.addingTimeInterval(2))]
    try store.write(waiver)
    try store.replan { try StoredPlanning(rules: Self.rules, clock: clock).whole($0).update }
    #expect(try store.tasks(household: "H1").first { $0.id == task.id }?.state == .waived)
    // A fact dated well after the clock stays out, as the planner leaves every fact after its clock.
    let later = try #require(try store.tasks(household: "H1").first(where: unsettled))
    var far = FactBatch()
    far.waivers = [Waiver(task: later.id, reason: "owner abroad", at: clock.addingTimeInterval(3600))]
    try store.write(far)
    try store.replan { try StoredPlanning(rules: Self.rules, clock: clock).whole($0).update }
    #expect(try store.tasks(household: "H1").first { $0.id == later.id }?.state == later.state)
  }
}
