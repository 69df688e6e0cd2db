import CalendarSpec
import Foundation
import Operations
import Planner
import Store
import StoreSQLite
import Testing

/// The month's reports as a use case: what they see, which project, and the documents they give.
@Suite struct MonthReportTests {
  let clock = World.instant("2026-06-10 20:00")
  let june = YearMonth(year: 2026, month: 6)

  @Test func aReportOfAnUnknownProjectIsRefusedNamingIt() throws {
    let store = try World.store(clock: clock)
    #expect(throws: OperationError("'P9' is not a known project")) {
      try MonthReport.load(
        store: store, rules: World.rules, month: june, asOf: nil, project: "P9",
        contacts: ContactStyle(showContact: false), withPlan: true, stored: false, now: clock)
    }
  }

  @Test func aPastMonthIsSeenAsOfItsLastDayAndTheCurrentOneAsOfToday() throws {
    let store = try World.store(clock: clock)
    let may = try MonthReport.load(
      store: store, rules: World.rules, month: YearMonth(year: 2026, month: 5), asOf: nil, project: nil,
      contacts: ContactStyle(showContact: false), withPlan: true, stored: false, now: clock)
    #expect(may.asOf == LocalDate(year: 2026, month: 5, day: 31))
    #expect(may.current.plan.clock < World.instant("2026-06-01 00:00"))
    let current = try MonthReport.load(
      store: store, rules: World.rules, month: june, asOf: nil, project: nil,
      contacts: ContactStyle(showContact: false), withPlan: true, stored: false, now: clock)
    #expect(current.asOf == LocalDate(year: 2026, month: 6, day: 10))
    #expect(current.summaries().map(\.project) == ["P1"])
    #expect(current.spotCheck().stewards.allSatisfy { $0.project == "P1" })
  }

  @Test func theSampleShowsOwnersMaskedUnlessAskedOtherwise() throws {
    let store = try World.store(clock: clock)
    var batch = FactBatch()
    batch.visits = [
      VisitRecord(
        visit: Visit(
          id: "V1", household: "H1", at: World.instant("2026-06-09 18:00"), channel: .inHome, kind: .basic,
          steward: "S1", interviewee: .owner, outcome: .reached, captured: Captured()))
    ]
    _ = try FactRecording(store: store, rules: World.rules, clock: clock).record(batch)
    for showContact in [false, true] {
      let report = try MonthReport.load(
        store: store, rules: World.rules, month: june, asOf: nil, project: nil,
        contacts: ContactStyle(showContact: showContact), withPlan: false, stored: true, now: clock)
      let visit = try #require(report.samples().documents.first?.visits.first)
      #expect(visit.visit == "V1")
      #expect(visit.phone == (showContact ? "13812345678" : "138****5678"))
    }
  }
  @Test func aRegisterOfManyVisitsListsEachOnceByTimeWithItsPlaceAndTexts() throws {
    let store = try World.store(households: 3_000, clock: clock)
    var batch = FactBatch()
    batch.visits = (0..<20_000).map { index in
      let id = "V\(index)"
      // Many visits share a minute, so the order by id among them is checked too.
      let at = World.instant("2026-06-0\(1 + index % 9) 18:\(10 + index % 40)")
      return VisitRecord(
        visit: Visit(
          id: id, household: "H\(1 + index % 3_000)", at: at, channel: .inHome, kind: .basic, steward: "S1",
          interviewee: .owner, outcome: .reached, captured: Captured(infoChanged: [.hobbies])),
        details: [.hobbies: "爱好 \(id)"])
    }
    _ = try FactRecording(store: store, rules: World.rules, clock: clock).record(batch)
    let report = try MonthReport.load(
      store: store, rules: World.rules, month: june, asOf: nil, project: nil,
      contacts: ContactStyle(showContact: false), withPlan: false, stored: true, now: clock,
      withVisitTexts: true)
    let rows = try #require(ReportKind.register.build(report).tables.first?.rows)
    let expected = batch.visits.map(\.visit).sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    #expect(rows.map { $0[0] } == expected.map(\.id))
    let room = RegisterTables.headers.firstIndex(of: "房号")!
    let hobbies = RegisterTables.headers.firstIndex(of: "兴趣爱好")!
    for row in rows {
      let household = Int(row[1].dropFirst())!
      #expect(row[room] == "\(100 + household)", "\(row[0])")
      #expect(row[hobbies] == "爱好 \(row[0])")
    }
  }
}
