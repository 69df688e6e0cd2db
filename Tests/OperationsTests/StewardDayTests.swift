import CalendarSpec
import Foundation
import Operations
import Planner
import Testing

/// A steward's day read through the library, as a page or a listing shows it.
@Suite struct StewardDayTests {
  @Test func theDayListsTodaysShareByBuildingAndEveryVisitIsTheStewards() throws {
    let clock = World.instant("2026-06-10 08:00")
    let store = try World.store(households: 12, clock: clock)
    let day = try StewardDay.load(
      store: store, rules: World.rules, steward: "S1", clock: clock,
      contacts: ContactStyle(showContact: false))
    #expect(day.day == LocalDate(year: 2026, month: 6, day: 10))
    let visits = day.buildings.flatMap(\.visits)
    #expect(visits.allSatisfy { $0.task.assignee == "S1" && $0.task.state == .open })
    #expect(Set(day.buildings.map(\.building)).count == day.buildings.count, "a building is listed once")
    #expect(!visits.isEmpty && visits.count <= day.openThisMonth, "\(day.openThisMonth) open this month")
    #expect(visits.allSatisfy { $0.phone == "138****5678" })
    let nobody = try StewardDay.load(
      store: store, rules: World.rules, steward: "S2", clock: clock,
      contacts: ContactStyle(showContact: false))
    #expect(nobody.buildings.isEmpty && nobody.overdue.isEmpty)
  }
}
