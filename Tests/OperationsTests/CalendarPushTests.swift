import CalendarSpec
import Foundation
import Messages
import Operations
import Planner
import Policy
import Store
import StoreSQLite
import Testing

/// A steward's planned week as entries for their own WeCom calendar: in-home visits in the visiting window of
/// their planned day, the others all day, the place and never the owner, one outbox key per task and revision.
@Suite struct CalendarPushTests {
  /// Monday 1 June 2026, 09:00 in Shanghai.
  let clock = World.instant("2026-06-01 09:00")

  /// One project, steward S1 (WeCom id `lina`) with 120 occupied households, and S2 without a WeCom id.
  func store() throws -> SQLiteStore {
    let store = try SQLiteStore()
    var batch = FactBatch()
    batch.projects = [Project(id: "P1", name: "翠湖花园", lead: "L1")]
    batch.stewards = [Steward(id: "S1", name: "李娜", wecomUserID: "lina"), Steward(id: "S2", name: "王强")]
    batch.areas = [
      Area(
        id: "A1", project: "P1", buildings: ["1栋", "2栋"],
        stewards: [.init(steward: "S1", since: World.instant("2024-01-01"))])
    ]
    batch.households = (1...120).map { index in
      Household(
        id: "H\(index)", project: "P1", building: index % 2 == 0 ? "2栋" : "1栋", unit: "1",
        room: "\(100 + index)", area: "A1", owner: Owner(surname: "张", name: "伟", phone: "13812345678"),
        states: [Dated(.occupied, since: World.instant("2024-06-15"))],
        grades: [Dated(.b, since: World.instant("2024-01-10"))],
        events: [HouseholdEvent(.movedIn, at: World.instant("2024-06-15"))])
    }
    _ = try FactRecording(store: store, rules: World.rules, clock: clock).record(batch)
    return store
  }

  func push(_ store: SQLiteStore) throws -> CalendarPush {
    let current = try CurrentPlan.load(store: store, rules: World.rules, at: clock, refresh: true)
    return CalendarPush(
      rules: World.rules, facts: current.facts, planner: current.planner, plan: current.plan)
  }

  @Test func aStewardsPlannedWeekIsInTheVisitingWindowOfEachPlannedDay() throws {
    let store = try store()
    let messages = try push(store).messages(steward: "S1", store: store, clock: clock)
    #expect(!messages.isEmpty)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = World.zone
    let monday = World.instant("2026-06-01 00:00")
    let window = World.rules.settings.visitingWindow.hours
    for (key, message) in messages {
      guard case .plannedVisit(let visit) = message.content else {
        Issue.record("\(key) is not a planned visit")
        continue
      }
      #expect(key == "wecal:\(visit.task):\(visit.sequence)")
      #expect(message.personal && message.recipient?.wecom == "lina")
      let start = Date(timeIntervalSince1970: TimeInterval(visit.start))
      let end = Date(timeIntervalSince1970: TimeInterval(visit.end))
      #expect(start >= monday && start < monday.addingTimeInterval(7 * 86_400), "within the week")
      #expect(!visit.allDay, "occupied households are visited at home")
      let opening = calendar.dateComponents([.hour, .minute], from: start)
      #expect((opening.hour ?? 0) * 60 + (opening.minute ?? 0) == window.startMinute)
      #expect(end.timeIntervalSince(start) == TimeInterval(window.endMinute - window.startMinute) * 60)
      for text in [visit.summary, visit.location, visit.details] {
        #expect(!text.contains("张") && !text.contains("1381") && !text.contains("5678"), "\(text)")
      }
    }
    #expect(window.startMinute == 17 * 60 + 30 && window.endMinute == 19 * 60 + 30, "the shipped window")
  }

  @Test func pushingTheSamePlanAgainMakesTheSameKeysAndOnlyStewardsWithAWeComIdGetAny() throws {
    let store = try store()
    let push = try push(store)
    let first = try push.messages(steward: "S1", store: store, clock: clock).map(\.key)
    let again = try push.messages(steward: "S1", store: store, clock: clock.addingTimeInterval(600)).map(
      \.key)
    #expect(first == again)
    let entries = try push.entries(store: store, clock: clock)
    #expect(entries.map(\.key) == first, "S2 has no WeCom id and no tasks")
  }
}
