import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store
import StoreSQLite

/// The shipped rules, and a store in memory with a small demo, for the use cases.
enum World {
  static let rules: RuleSet = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rules").path
    return try! PolicyLoader.ruleSet(RuleSource(directories: [folder]))
  }()

  static let zone = TimeZone(identifier: "Asia/Shanghai")!

  /// `2026-06-10 12:00` and the like, in Shanghai.
  static func instant(_ text: String) -> Date { try! LocalTime.instant(text, zone: "Asia/Shanghai") }

  /// A store in memory holding one project, two stewards, one area of two buildings and `households`
  /// occupied households, planned at `clock`.
  static func store(households: Int = 4, clock: Date) throws -> SQLiteStore {
    let store = try SQLiteStore()
    var batch = FactBatch()
    batch.projects = [Project(id: "P1", name: "翠湖花园", lead: "L1")]
    batch.stewards = [Steward(id: "S1", name: "李娜"), Steward(id: "S2", name: "王强")]
    batch.areas = [
      Area(
        id: "A1", project: "P1", buildings: ["1栋", "2栋"],
        stewards: [.init(steward: "S1", since: instant("2024-01-01"))])
    ]
    batch.households = (1...households).map { index in
      Household(
        id: "H\(index)", project: "P1", building: index % 2 == 0 ? "2栋" : "1栋", unit: "1",
        room: "\(100 + index)",
        area: "A1", owner: Owner(surname: "张", name: "伟", phone: "13812345678"),
        states: [Dated(.occupied, since: instant("2024-06-15"))],
        grades: [Dated(.b, since: instant("2024-01-10"))],
        events: [HouseholdEvent(.movedIn, at: instant("2024-06-15"))])
    }
    _ = try FactRecording(store: store, rules: rules, clock: clock).record(batch)
    _ = try CurrentPlan.load(store: store, rules: rules, at: clock, refresh: true)
    return store
  }
}
