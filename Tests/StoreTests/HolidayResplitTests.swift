import CalendarSpec
import Foundation
import Planner
import Policy
import Store
import Testing

@testable import Operations
@testable import StoreSQLite

/// A year planned on provisional holidays is split again when its official notice is installed: households
/// not yet visited in months not yet begun move by the real working days; the month in hand keeps its plan.
@Suite struct HolidayResplitTests {
  static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("rules").path

  /// One steward's area of 48 buildings of two grade-A households each (one occupied-annual quota group).
  private func store(in folder: TempFolder) throws -> SQLiteStore {
    let store = try SQLiteStore(path: folder.database)
    var batch = FactBatch()
    batch.projects = [Project(id: "P1", name: "翠湖花园", lead: "L1")]
    batch.stewards = [Steward(id: "S1", name: "李娜")]
    let buildings = (1...48).map { "\($0)栋" }
    batch.areas = [
      Area(
        id: "A1", project: "P1", buildings: buildings,
        stewards: [.init(steward: "S1", since: Seed.instant("2024-01-01"))])
    ]
    batch.households = (0..<96).map { index in
      Household(
        id: "H\(index)", project: "P1", building: buildings[index / 2], unit: "1单元",
        room: "\(101 + index % 2)",
        area: "A1", owner: Owner(surname: "张", name: "伟", phone: "13812345678"),
        states: [Dated(.occupied, since: Seed.instant("2024-06-15"))],
        grades: [Dated(.a, since: Seed.instant("2024-01-10"))],
        events: [HouseholdEvent(.movedIn, at: Seed.instant("2024-06-15"))])
    }
    try store.write(batch)
    return store
  }

  /// The planned month of each household's 2027 annual visit.
  private func annualMonths(_ store: SQLiteStore) throws -> [String: YearMonth] {
    var months: [String: YearMonth] = [:]
    for task in try store.tasks(household: nil)
    where task.rule == "occupied-annual" && task.opens.year == 2027 {
      months[task.household] = task.plannedMonth
    }
    return months
  }

  /// The shipped rules with `holidays2027` (TOML) as the official 2027 notice, or none.
  private func rules(in folder: TempFolder, holidays2027: String?) throws -> RuleSet {
    let rules = folder.path + "/rules"
    try? FileManager.default.removeItem(atPath: rules)
    try FileManager.default.copyItem(atPath: Self.shipped, toPath: rules)
    if let holidays2027 {
      try holidays2027.write(toFile: rules + "/holidays-2027.toml", atomically: true, encoding: .utf8)
    }
    return try PolicyLoader.ruleSet(RuleSource(directories: [rules]))
  }

  /// An official notice for 2027 that differs from the provisional holidays by most of June and all of
  /// September.
  private let official2027 = """
    year = 2027

    [[holiday]]
    name = "春节"
    off = "2027-02-06..2027-02-12"

    [[holiday]]
    name = "测试：六月"
    off = "2027-06-01..2027-06-24"

    [[holiday]]
    name = "测试：九月"
    off = "2027-09-01..2027-09-30"
    """

  @Test func theOfficialNoticeSplitsTheMonthsNotYetBegunAgainAndKeepsTheMonthInHand() throws {
    let folder = TempFolder()
    let store = try store(in: folder)
    let provisional = try rules(in: folder, holidays2027: nil)
    #expect(provisional.holidays.isProvisional(year: 2027))
    try store.replan {
      try StoredPlanning(rules: provisional, clock: Seed.instant("2027-01-10 12:00")).whole($0).update
    }
    #expect(try store.planStamp().provisionalYears == [2027])
    let before = try annualMonths(store)
    #expect(before.count == 96)
    let january = YearMonth(year: 2027, month: 1)
    let june = YearMonth(year: 2027, month: 6)
    let september = YearMonth(year: 2027, month: 9)
    let inJuneBefore = before.values.filter { $0 == june }.count
    #expect(inJuneBefore >= 6, "June had a full month's share: \(inJuneBefore)")

    let official = try rules(in: folder, holidays2027: official2027)
    #expect(!official.holidays.isProvisional(year: 2027))
    let planning = StoredPlanning(rules: official, clock: Seed.instant("2027-01-20 12:00"))
    try store.replan { try planning.whole($0).update }
    #expect(try store.planStamp().provisionalYears == [])
    let after = try annualMonths(store)
    #expect(after.count == 96)
    for (household, month) in before where month == january {
      #expect(after[household] == january, "\(household) keeps the month in hand")
    }
    #expect(!after.values.contains(september), "September has no working day left")
    let inJuneAfter = after.values.filter { $0 == june }.count
    #expect(inJuneAfter < inJuneBefore, "June's share shrank with its working days: \(inJuneAfter)")

    // Once split by the official holidays, a later plan keeps every month.
    try store.replan {
      try StoredPlanning(rules: official, clock: Seed.instant("2027-02-03 12:00")).whole($0).update
    }
    #expect(try annualMonths(store) == after)
  }

  @Test func changingTheHolidaysOfAnOfficialYearKeepsEveryMonthThatStillHasWorkingDays() throws {
    let folder = TempFolder()
    let store = try store(in: folder)
    let first = try rules(
      in: folder, holidays2027: "year = 2027\n[[holiday]]\nname = \"元旦\"\noff = \"2027-01-01\"\n")
    try store.replan {
      try StoredPlanning(rules: first, clock: Seed.instant("2027-01-10 12:00")).whole($0).update
    }
    #expect(try store.planStamp().provisionalYears == [])
    let before = try annualMonths(store)
    let changed = try rules(in: folder, holidays2027: official2027)
    try store.replan {
      try StoredPlanning(rules: changed, clock: Seed.instant("2027-01-20 12:00")).whole($0).update
    }
    let after = try annualMonths(store)
    let september = YearMonth(year: 2027, month: 9)
    for (household, month) in before where month != september {
      #expect(after[household] == month, "\(household) keeps \(month)")
    }
    #expect(!after.values.contains(september), "a month without working days gives its households up")
  }
}
