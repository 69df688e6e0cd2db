import CalendarSpec
import Delivery
import Foundation
import Messages
import Planner
import Policy
import Testing

@testable import Operations

/// The steward's daily digest: today's share of the month's open visits, by building, then what is overdue.
@Suite struct StewardDigestTests {
  let rules: RuleSet
  let zone = TimeZone(identifier: "Asia/Shanghai")!

  init() throws {
    let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("rules").path
    rules = try PolicyLoader.ruleSet(RuleSource(directories: [shipped]))
  }

  private func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

  /// Households `{building}-{n}` in unit 1, rooms 101, 102, … of project P1, area A1, steward S1.
  private func facts(buildings: [(String, Int)]) -> Facts {
    let households = buildings.flatMap { building, count in
      (1...count).map { index in
        Household(
          id: "\(building)-\(index)", project: "P1", building: building, unit: "1", room: "\(100 + index)",
          area: "A1", owner: Owner(surname: "王", phone: "13800001234"),
          states: [Dated(.occupied, since: day("2020-01-01").startInstant(in: zone))])
      }
    }
    return Facts(
      projects: [Project(id: "P1", name: "东园", lead: "L1")],
      stewards: [Steward(id: "S1", name: "李娜", wecomUserID: "lina")],
      areas: [
        Area(
          id: "A1", project: "P1", buildings: buildings.map(\.0),
          stewards: [StewardAssignment(steward: "S1", since: day("2020-01-01").startInstant(in: zone))])
      ],
      households: households)
  }

  /// A task of `household`; annual (the whole year's window) unless `due` is given.
  private func task(
    _ household: String, planned month: Int, rule: String = "occupied-annual", due: String = "2026-12-31",
    state: TaskState = .open
  ) -> VisitTask {
    let anchor: TaskAnchor =
      rule == "occupied-annual"
      ? .period(PeriodKey(.year, containing: YearMonth(year: 2026, month: 1))) : .ticket("T-\(household)")
    return VisitTask(
      household: household, project: "P1", rule: rule, anchor: anchor, ordinal: 1,
      opens: rule == "occupied-annual" ? day("2026-01-01") : day(due).adding(days: -3), due: day(due),
      plannedMonth: YearMonth(year: 2026, month: month), assignee: "S1", state: state)
  }

  @Test func doingEachWorkingDaysShareFinishesTheMonthBuildingByBuilding() throws {
    // October 2026: off 1–7 (国庆节), 10 a make-up working Saturday; 18 working days.
    let sizes =
      [("1栋", 2), ("2栋", 3), ("3栋", 1), ("5栋", 3), ("10栋", 7), ("11栋", 4), ("12栋", 2)]
      + [("13栋", 3), ("14栋", 2), ("15栋", 1), ("16栋", 5), ("17栋", 2), ("18栋", 3), ("19栋", 2)]
    let facts = facts(buildings: sizes)
    let carried = [task("12栋-2", planned: 9), task("5栋-3", planned: 9)]
    var open =
      carried
      + facts.households.keys.filter { !["12栋-2", "5栋-3"].contains($0) }.map {
        task($0, planned: 10)
      }
    let total = open.count
    var doneOn: [String: LocalDate] = [:]
    var workedOn: [LocalDate] = []
    for offset in 0..<31 {
      let today = day("2026-10-01").adding(days: offset)
      let share = StewardDigests.DailyShare(open: open, on: today, holidays: rules.holidays, facts: facts)
      #expect(share.open == open.count)
      guard !share.today.isEmpty else { continue }
      workedOn.append(today)
      let quota = (open.count + share.workingDaysLeft - 1) / share.workingDaysLeft
      #expect(share.today.count <= 2 * quota, "at most one building past the share, \(today)")
      let places = share.today.map { facts.households[$0.household]! }
      #expect(
        places.map { [$0.building, $0.unit, $0.room] }
          == places.map { [$0.building, $0.unit, $0.room] }.sorted {
            $0.lexicographicallyPrecedes($1) { $0.compare($1, options: .numeric) == .orderedAscending }
          }, "shown by building (numerically), unit, room on \(today)")
      let taken = Set(share.today.map(\.id))
      let left = open.filter { !taken.contains($0.id) }
      for building in Set(places.map(\.building)) {
        let rest = left.filter { facts.households[$0.household]!.building == building }.count
        let all = open.filter { facts.households[$0.household]!.building == building }.count
        #expect(rest == 0 || all > quota, "\(building) split on \(today) although it fits the share")
      }
      for task in share.today { doneOn[task.id] = today }
      open = left
    }
    #expect(open.isEmpty, "the month is finished")
    #expect(doneOn.count == total)
    let workingDays = rules.holidays.workingDays(inMonthOf: day("2026-10-01"))
    #expect(workedOn.allSatisfy(workingDays.contains), "work on working days only")
    #expect(workedOn.contains(day("2026-10-10")), "the make-up Saturday is a working day")
    #expect(workedOn.first == day("2026-10-08"), "nothing during the National Day holiday")
    let latestCarried = carried.map { doneOn[$0.id]! }.max()!
    let firstOther = doneOn.filter { id, _ in
      !["5栋", "12栋"].contains(facts.households[String(id.prefix { $0 != "/" })]!.building)
    }.values.min()!
    #expect(latestCarried <= firstOther, "buildings with last month's open visits come first")
  }

  @Test func theDigestListsTodaysShareByBuildingThenOverdueAndSaysHowManyRemain() throws {
    let facts = facts(buildings: [("10栋", 4), ("2栋", 2), ("7栋", 1)])
    let tasks = [
      task("10栋-1", planned: 11), task("10栋-2", planned: 11), task("10栋-3", planned: 11),
      task("10栋-4", planned: 11), task("2栋-1", planned: 11), task("2栋-2", planned: 11),
      // A ticket follow-up due today: pressing, whatever the share.
      task("10栋-4", planned: 11, rule: "ticket-follow-up", due: "2026-11-26"),
      // Overdue since the 20th; planned for December; already done: none of them in today's share.
      task("7栋-1", planned: 11, rule: "ticket-follow-up", due: "2026-11-20"),
      task("7栋-1", planned: 12),
      task("2栋-1", planned: 11, rule: "renovation-call", due: "2026-11-30", state: .done),
    ]
    let clock = day("2026-11-26").instant(hour: 16, minute: 30, in: zone)
    let plan = Planner(rules: rules, year: 2026).restore(tasks, facts: facts, at: clock)
    let messages = StewardDigests(rules: rules, facts: facts, plan: plan).messages(on: day("2026-11-26"))

    #expect(messages.map(\.key) == ["digest:S1:2026-11-26"])
    let message = try #require(messages.first?.message)
    #expect(message.mentions == ["lina"])
    guard case .stewardDigest(let digest) = message.content else {
      Issue.record("not a steward digest: \(message.content)")
      return
    }
    // Seven open this month over three working days left (26, 27, 30): three today, the ticket among them.
    // In-home visits under the visiting window; the ticket follow-up, which a call settles, apart.
    #expect(digest.buildings.map { $0.visits.map(\.owner.household) } == [["2栋-1", "2栋-2"]])
    #expect(digest.calls?.map(\.building) == ["10栋"])
    #expect(digest.calls?.map { $0.visits.map(\.owner.household) } == [["10栋-4"]])
    #expect(digest.calls?[0].visits[0].due == "2026-11-26")
    #expect(digest.calls?[0].visits[0].channel == "入户/电话/微信")
    #expect(digest.overdue.map(\.owner.household) == ["7栋-1"])
    #expect(digest.date == "2026-11-26 星期四")
    #expect(digest.remaining == 7)
    #expect(digest.window == "17:30-19:30")
    let rendered = try MessageRenderer().render(message, key: messages[0].key)
    let text = rendered.title + "\n" + rendered.body
    #expect(rendered.body.contains("本月待访 7 项（含今日）"))
    #expect(text.contains("【2栋】") && text.contains("【10栋】") && !text.contains("【7栋】"))
    #expect(text.contains("今日入户回访（走访时段 17:30-19:30）：\n【2栋】"))
    #expect(text.contains("今日电话/微信回访（不限时段）：\n【10栋】"))
    #expect(message.page == "/app/today")
  }

  @Test func aDigestRunTheNextMorningShowsThatDaysWorkAndSaysItIsLate() throws {
    let facts = facts(buildings: [("2栋", 2)])
    let tasks = [task("2栋-1", planned: 11), task("2栋-2", planned: 11)]
    let schedule = try #require(rules.schedules.first { $0.report == .dailyDigest })
    let due = day("2026-11-26").instant(hour: 16, minute: 30, in: zone)
    let morning = day("2026-11-27").instant(hour: 7, minute: 55, in: zone)
    let plan = Planner(rules: rules, year: 2026).restore(tasks, facts: facts, at: morning)
    let notices = ScheduleNotices(rules: rules, facts: facts, plan: plan)
    let late = try notices.entries(for: schedule, at: due, now: morning)
    #expect(late.map(\.key) == ["digest:S1:2026-11-27"], "keyed for the day it shows")
    let message = try OutboxMessage.decode(late[0].payload)
    guard case .stewardDigest(let digest) = message.content else {
      Issue.record("not a steward digest")
      return
    }
    #expect(digest.date == "2026-11-27 星期五")
    #expect(digest.late == "2026-11-26 16:30")
    // That day's own run makes the same key: the outbox sends the day's digest once.
    let onTime = try notices.entries(
      for: schedule, at: day("2026-11-27").instant(hour: 16, minute: 30, in: zone))
    #expect(onTime.map(\.key) == late.map(\.key))
    // A catch-up the same evening, after the window closed, is read the next morning (quiet hours): it shows
    // the next day too.
    let evening = day("2026-11-26").instant(hour: 22, minute: 10, in: zone)
    let caughtUp = try notices.entries(for: schedule, at: due, now: evening)
    #expect(caughtUp.map(\.key) == ["digest:S1:2026-11-27"])
    // A run on its own day before the window closes is not late.
    let ran = try notices.entries(for: schedule, at: due, now: due.addingTimeInterval(600))
    #expect(ran.map(\.key) == ["digest:S1:2026-11-26"])
    #expect(try OutboxMessage.decode(ran[0].payload).content.template == "steward-digest")
    #expect(!ran[0].payload.contains("\"late\""))
  }

  @Test func onTheMonthsLastWorkingDayTheShareIsEverythingLeft() {
    let facts = facts(buildings: [("1栋", 5), ("2栋", 6)])
    let open = facts.households.keys.sorted().map { task($0, planned: 11) }
    let last = StewardDigests.DailyShare(
      open: open, on: day("2026-11-30"), holidays: rules.holidays, facts: facts)
    #expect(last.workingDaysLeft == 1)
    #expect(last.today.count == 11)
    let weekend = StewardDigests.DailyShare(
      open: open, on: day("2026-11-28"), holidays: rules.holidays, facts: facts)
    #expect(weekend.today.isEmpty, "a Saturday that is no make-up day shares nothing out")
    let first = StewardDigests.DailyShare(
      open: open, on: day("2026-11-02"), holidays: rules.holidays, facts: facts)
    #expect(first.workingDaysLeft == 21)
    #expect(first.today.map(\.household) == ["1栋-1"], "a building larger than the share is split")
  }
}
