import CalendarSpec
import Delivery
import Foundation
import Messages
import Planner
import Policy
import Store
import StoreSQLite
import Testing

@testable import Operations

/// Overdue escalation as one message per audience per day: each steward their list, each lead per-steward
/// counts, operations per-project counts, each step on its policy day, and a word when a list has cleared.
@Suite struct OverdueDigestTests {
  let zone = World.zone
  let schedule = World.rules.schedules.first { $0.id == "overdue-escalation" }!

  private func day(_ text: String) -> LocalDate { LocalDate(parsing: text)! }

  /// 09:00 on `text`, when the shipped escalation runs.
  private func morning(_ text: String) -> Date { day(text).instant(hour: 9, minute: 0, in: zone) }

  /// The 600-household demo seeded up to the evening before `morning`, planned at `morning`.
  private func demo(at morning: Date) throws -> CurrentPlan {
    let store = try SQLiteStore()
    _ = try DemoSeed.seedIfEmpty(store, rules: World.rules, now: morning)
    return try CurrentPlan.load(store: store, rules: World.rules, at: morning, refresh: true)
  }

  private func entries(_ current: CurrentPlan, at instant: Date) throws -> [OutboxEntry] {
    try ScheduleNotices(rules: World.rules, facts: current.facts, plan: current.plan).entries(
      for: schedule, at: instant)
  }

  @Test func aCatchUpMorningOnTheDemoSendsAtMostOneMessagePerAudienceAndLosesNoTask() throws {
    // The first run after the demo is seeded: a year of facts, hundreds of visits overdue at once.
    let instant = morning("2026-11-27")
    let current = try demo(at: instant)
    let entries = try entries(current, at: instant)
    let overdue = current.plan.allTasks.filter { $0.state == .overdue }
    #expect(overdue.count > 100, "the demo has a backlog")
    let stewards = Set(current.facts.stewards.keys).count
    let leads = current.facts.projectIDs.count
    #expect(entries.count <= stewards + leads + 1)
    #expect(Set(entries.map(\.key)).count == entries.count)

    var listed: [String: [String]] = [:]
    var leadTotal = 0
    var operationsTotal = 0
    for entry in entries {
      switch try OutboxMessage.decode(entry.payload).content {
      case .stewardOverdue(let digest):
        let steward = String(entry.key.split(separator: ":")[2])
        listed[steward, default: []] += digest.visits.map { "\($0.visit.owner.household) \($0.visit.rule)" }
        #expect(digest.visits.map(\.daysOverdue) == digest.visits.map(\.daysOverdue).sorted(by: >))
      case .leadOverdue(let digest): leadTotal += digest.total
      case .operationsOverdue(let digest): operationsTotal += digest.total
      default: Issue.record("unexpected \(entry.key)")
      }
    }
    for task in overdue {
      let line = "\(task.household) \(World.rules.rule(task.rule)?.title ?? task.rule)"
      #expect(listed[task.assignee]?.contains(line) == true, "\(task.id) is in its steward's message")
    }
    let today = day("2026-11-27")
    let last = { (task: VisitTask) in (task.graceEnd ?? task.due)! }
    #expect(leadTotal == overdue.filter { last($0).adding(days: 3) < today }.count)
    #expect(operationsTotal == overdue.filter { last($0).adding(days: 7) < today }.count)
    // Every message renders in Chinese without a stray English word.
    let renderer = try MessageRenderer()
    for entry in entries {
      let text = try renderer.render(OutboxMessage.decode(entry.payload), key: entry.key).text
      #expect(text.range(of: "[A-Za-z]{3,}", options: .regularExpression) == nil, "\(text.prefix(200))")
    }
  }

  @Test func aRestartOnTheSameMorningMakesTheSameKeysAndSendsNothingTwice() throws {
    let instant = morning("2026-11-27")
    let store = try SQLiteStore()
    _ = try DemoSeed.seedIfEmpty(store, rules: World.rules, now: instant)
    let load = { try CurrentPlan.load(store: store, rules: World.rules, at: instant, refresh: true) }
    let first = try entries(load(), at: instant)
    #expect(try store.recordRun(schedule: schedule.id, scheduledFor: instant, entries: first) == first.count)
    // A restart runs the same elapse again on the plan read afresh: the same keys and payloads, none enqueued.
    let again = try entries(load(), at: instant)
    #expect(first.map(\.key) == again.map(\.key))
    #expect(first.map(\.payload) == again.map(\.payload))
    #expect(try store.recordRun(schedule: schedule.id, scheduledFor: instant, entries: again) == 0)
    #expect(first.contains { $0.key == "overdue:operations:2026-11-27" })
    // Later the same day nothing is new: no key that the morning did not make.
    let later = try entries(load(), at: instant.addingTimeInterval(3 * 3600))
    #expect(Set(later.map(\.key)).isSubset(of: first.map(\.key)))
  }

  // A ticket follow-up of S1's household H1 in project P1, due Friday 2026-11-20 (no grace).
  private let facts = Facts(
    projects: [Project(id: "P1", name: "东园", lead: "L1")],
    stewards: [
      Steward(id: "S1", name: "李娜", wecomUserID: "lina"),
      Steward(id: "L1", name: "周敏", wecomUserID: "zhoumin"),
    ],
    areas: [
      Area(
        id: "A1", project: "P1", buildings: ["1栋"],
        stewards: [
          StewardAssignment(
            steward: "S1", since: LocalDate(parsing: "2020-01-01")!.startInstant(in: World.zone))
        ])
    ],
    households: [
      Household(
        id: "H1", project: "P1", building: "1栋", unit: "1", room: "101", area: "A1",
        owner: Owner(surname: "王", name: "建国", phone: "13800001234"),
        states: [Dated(.occupied, since: LocalDate(parsing: "2020-01-01")!.startInstant(in: World.zone))])
    ])

  private func followUp(settledAt: Date? = nil) -> VisitTask {
    VisitTask(
      household: "H1", project: "P1", rule: "ticket-follow-up", anchor: .ticket("T-1"), ordinal: 1,
      opens: day("2026-11-17"), due: day("2026-11-20"), plannedMonth: YearMonth(year: 2026, month: 11),
      assignee: "S1", state: settledAt == nil ? .open : .late,
      settlement: settledAt.map { .visit(id: "V1", at: $0, outsideVisitingWindow: false) })
  }

  /// The keys of the run on `text`'s morning, the task as it stands.
  private func keys(on text: String, _ task: VisitTask) throws -> [String] {
    let plan = Planner(rules: World.rules, year: 2026).restore([task], facts: facts, at: morning(text))
    return try ScheduleNotices(rules: World.rules, facts: facts, plan: plan).entries(
      for: schedule, at: morning(text)
    ).map(\.key)
  }

  @Test func eachStepsAudienceIsToldFromTheRunAfterItsDayOnly() throws {
    // Steward at due (the 20th), lead 3 days after (the 23rd), operations 7 days after (the 27th); runs on
    // working days at 09:00, a step's audience from the first run after its day.
    #expect(try keys(on: "2026-11-20", followUp()) == [])
    #expect(try keys(on: "2026-11-23", followUp()) == ["overdue:steward:S1:2026-11-23"])
    #expect(
      try keys(on: "2026-11-24", followUp()) == [
        "overdue:steward:S1:2026-11-24", "overdue:lead:P1:2026-11-24",
      ])
    #expect(try keys(on: "2026-11-27", followUp()).count == 2)
    #expect(
      try keys(on: "2026-11-30", followUp()) == [
        "overdue:steward:S1:2026-11-30", "overdue:lead:P1:2026-11-30", "overdue:operations:2026-11-30",
      ])
  }

  @Test func theLeadSeesCountsAndTheOldestHouseholdsNeverTheOwnersNameOrPhone() throws {
    let plan = Planner(rules: World.rules, year: 2026).restore(
      [followUp()], facts: facts, at: morning("2026-11-24"))
    let entries = try ScheduleNotices(rules: World.rules, facts: facts, plan: plan).entries(
      for: schedule, at: morning("2026-11-24"))
    let lead = try OutboxMessage.decode(#require(entries.first { $0.key.hasPrefix("overdue:lead:") }).payload)
    #expect(lead.mentions == ["zhoumin"])
    guard case .leadOverdue(let digest) = lead.content else {
      Issue.record("not a lead digest: \(lead.content)")
      return
    }
    #expect(digest.stewards.map(\.steward) == ["李娜"])
    #expect(digest.stewards[0].oldest.map(\.daysOverdue) == [4])
    let text = try MessageRenderer().render(lead, key: "k").text
    #expect(text.hasPrefix("【逾期回访】东园：1 项逾期（2026-11-24）"))
    #expect(text.contains("管家 李娜：1 项"))
    #expect(!text.contains("建国") && !text.contains("13800001234"))
  }

  @Test func anEscalationThatClearedIsSaidOnceOnTheNextRun() throws {
    // Visited on the evening of the 24th: the steward and the lead had it on their lists that morning.
    let settled = followUp(settledAt: day("2026-11-24").instant(hour: 18, minute: 30, in: zone))
    #expect(
      try keys(on: "2026-11-25", settled) == ["overdue:steward:S1:2026-11-25", "overdue:lead:P1:2026-11-25"])
    #expect(try keys(on: "2026-11-26", settled) == [])
    let plan = Planner(rules: World.rules, year: 2026).restore(
      [settled], facts: facts, at: morning("2026-11-25"))
    let steward = try #require(
      ScheduleNotices(rules: World.rules, facts: facts, plan: plan).entries(
        for: schedule, at: morning("2026-11-25")
      )
      .first)
    let text = try MessageRenderer().render(OutboxMessage.decode(steward.payload), key: steward.key).text
    #expect(text.hasPrefix("【逾期回访已清零】李娜（2026-11-25）"))
  }

  @Test func repeatEveryTellsAnUnchangedListAgainOnlyWhenTheIntervalHasPassed() throws {
    var weekly = schedule
    guard case .overdueEscalation(var escalation) = weekly.report else { return }
    escalation.repeatEvery = CalendarSpan(7, .day)
    weekly.report = .overdueEscalation(escalation)
    let told = try ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-30", "2026-12-01"].map { text in
      let plan = Planner(rules: World.rules, year: 2026).restore(
        [followUp()], facts: facts, at: morning(text))
      return try ScheduleNotices(rules: World.rules, facts: facts, plan: plan).entries(
        for: weekly, at: morning(text)
      )
      .map { $0.key.split(separator: ":")[1] }
    }
    // The steward first on the 23rd, again from the 28th (a Saturday: the Monday run); the lead first on the
    // 24th, again on 1 December; operations first on the 30th.
    #expect(told == [["steward"], ["lead"], [], ["steward", "operations"], ["lead"]])
  }

  @Test func aMissedQuotaTaskIsToldThroughItsStepsOnceAndThenNoMore() throws {
    let annual = VisitTask(
      household: "H1", project: "P1", rule: "occupied-annual",
      anchor: .period(PeriodKey(.year, containing: YearMonth(year: 2025, month: 1))), ordinal: 1,
      opens: day("2025-01-01"), due: day("2025-12-31"), plannedMonth: YearMonth(year: 2025, month: 12),
      assignee: "S1")
    // Every run of the first half of January (1–3 off for 元旦, Sunday the 4th a make-up working day).
    let runs = (0..<15).map { day("2026-01-01").adding(days: $0) }.filter(World.rules.holidays.isWorkingDay)
    let told = try runs.map { run in
      let instant = run.instant(hour: 9, minute: 0, in: zone)
      let plan = Planner(rules: World.rules, year: 2026).restore([annual], facts: facts, at: instant)
      #expect(plan.allTasks.first?.state == .missed)
      return try ScheduleNotices(rules: World.rules, facts: facts, plan: plan).entries(
        for: schedule, at: instant
      )
      .map { $0.key.split(separator: ":")[1] }
    }
    // The steward (from 31 December) and the lead (from 3 January) on the 4th, operations (from the 7th) on
    // the 8th; then nothing.
    #expect(runs.first == day("2026-01-04"))
    #expect(Array(told.prefix(5)) == [["steward", "lead"], [], [], [], ["operations"]])
    #expect(told.flatMap { $0 }.sorted() == ["lead", "operations", "steward"])
  }
}
