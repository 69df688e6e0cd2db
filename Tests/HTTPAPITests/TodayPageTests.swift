import CalendarSpec
import Foundation
import Operations
import Planner
import Policy
import Store
import StoreSQLite
import Testing

@testable import HTTPAPI

/// The steward's 今日 page model: calls with their numbers, in-home visits in the window, owners masked.
@Suite struct TodayPageTests {
  static let rules: RuleSet = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rules").path
    return try! PolicyLoader.ruleSet(RuleSource(directories: [folder]))
  }()

  static func instant(_ text: String) -> Date { try! LocalTime.instant(text, zone: "Asia/Shanghai") }

  /// Steward S1's day on Monday 7 December 2026: vacant households (owed calls) and occupied ones (owed visits).
  static func day() throws -> StewardDay {
    let store = try SQLiteStore()
    let clock = instant("2026-12-07 10:00")
    var batch = FactBatch()
    batch.projects = [Project(id: "P1", name: "翠湖花园", lead: "L1")]
    batch.stewards = [Steward(id: "S1", name: "李娜")]
    batch.areas = [
      Area(
        id: "A1", project: "P1", buildings: ["1栋", "2栋"],
        stewards: [.init(steward: "S1", since: instant("2024-01-01"))])
    ]
    batch.households = (1...40).map { index in
      let vacant = index % 2 == 1
      return Household(
        id: "H\(index)", project: "P1", building: "1栋", unit: "1", room: "\(100 + index)",
        area: "A1", owner: Owner(surname: "张", name: "伟", phone: "138123456\(10 + index)"),
        states: [Dated(vacant ? .vacant : .occupied, since: instant("2024-06-15"))],
        grades: [Dated(.a, since: instant("2024-01-10"))],
        events: vacant ? [] : [HouseholdEvent(.movedIn, at: instant("2024-06-15"))])
    }
    _ = try FactRecording(store: store, rules: rules, clock: clock).record(batch)
    _ = try CurrentPlan.load(store: store, rules: rules, at: clock, refresh: true)
    return try StewardDay.load(
      store: store, rules: rules, steward: "S1", clock: clock, contacts: ContactStyle(showContact: true))
  }

  static let visitor = WebVisitor(
    session: TokenRecord(id: "ses-1", principal: .steward("S1"), issued: Date(), expires: nil), secret: "vd_x"
  )

  private func visits(_ model: [String: Any]) -> [(heading: String, rows: [[String: Any]])] {
    (model["sections"] as? [[String: Any]] ?? []).map { section in
      let buildings = section["buildings"] as? [[String: Any]] ?? []
      return (
        section["heading"] as? String ?? "", buildings.flatMap { $0["visits"] as? [[String: Any]] ?? [] }
      )
    }
  }

  @Test("calls carry the whole number as tel: and show it masked; in-home visits carry none")
  func callLinks() throws {
    let page = TodayPage(day: try Self.day(), rules: Self.rules, minuteNow: 10 * 60)
    let sections = visits(page.model(visitor: Self.visitor, settled: nil))
    let calls = try #require(sections.first { $0.heading == "电话 / 微信" })
    let inHome = try #require(sections.first { $0.heading.hasPrefix("入户") })
    #expect(!calls.rows.isEmpty && !inHome.rows.isEmpty)
    for row in calls.rows {
      let tel = try #require(row["tel"] as? String)
      #expect(tel.hasPrefix("138123456"))
      #expect((row["phoneShown"] as? String)?.contains("****") == true)
      #expect(row["owner"] as? String == "张*")
    }
    #expect(inHome.rows.allSatisfy { $0["tel"] == nil })
    let called = Set(calls.rows.compactMap { $0["household"] as? String })
    #expect(Set(page.householdsCalled) == called)
  }

  @Test("inside the visiting window in-home visits come first; outside it, calls; no empty heading")
  func order() throws {
    let day = try Self.day()
    let morning = visits(
      TodayPage(day: day, rules: Self.rules, minuteNow: 10 * 60).model(visitor: Self.visitor, settled: nil))
    let evening = visits(
      TodayPage(day: day, rules: Self.rules, minuteNow: 18 * 60).model(visitor: Self.visitor, settled: nil))
    #expect(morning.first?.heading == "电话 / 微信")
    #expect(evening.first?.heading == "入户（17:30-19:30）")
    #expect(evening.allSatisfy { !$0.heading.isEmpty && !$0.rows.isEmpty })
  }
}
