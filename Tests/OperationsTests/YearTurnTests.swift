import Foundation
import Operations
import Planner
import Store
import StoreSQLite
import Testing

/// The year turns: last year's unsettled quotas are closed as missed when this year is planned.
@Suite struct YearTurnTests {
  @Test func planningTheNewYearStoresLastYearsUnsettledQuotasAsMissed() throws {
    let store = try World.store(clock: World.instant("2026-06-10 20:00"))
    let annual = try #require(store.tasks(household: "H1").first { $0.rule == "occupied-annual" })
    #expect(!annual.state.isSettled)
    _ = try CurrentPlan.load(
      store: store, rules: World.rules, at: World.instant("2027-01-01 00:30"), refresh: true)
    let stored = try #require(store.tasks(household: "H1").first { $0.id == annual.id })
    #expect(stored.state == .missed)
    #expect(stored.missedReason?.contains("2026") == true)
    #expect(try store.tasks(household: "H1").contains { $0.rule == "occupied-annual" && $0.id != annual.id })
  }
}
