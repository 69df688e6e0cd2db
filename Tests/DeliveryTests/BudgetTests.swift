import Delivery
import Foundation
import Testing

@Suite struct BudgetTests {
  let start = Date(timeIntervalSince1970: 1_700_000_000)
  let shanghai = TimeZone(identifier: "Asia/Shanghai")!

  @Test func chatRobotsGetTwentyAMinute() {
    var budget = RateBudget.chatRobot
    for _ in 0..<20 { #expect(budget.reserve(at: start) == nil) }
    #expect(budget.reserve(at: start.addingTimeInterval(59)) == start.addingTimeInterval(60))
    #expect(budget.reserve(at: start.addingTimeInterval(60)) == nil)
  }

  @Test func noMinuteEverHoldsMoreThanTheBudget() {
    var budget = RateBudget.chatRobot
    var sends: [Date] = []
    var now = start
    while now < start.addingTimeInterval(300) {
      if let next = budget.reserve(at: now) { now = next } else { sends.append(now) }
      now = now.addingTimeInterval(0.7)
    }
    for send in sends {
      #expect(sends.filter { $0 >= send && $0 < send.addingTimeInterval(60) }.count <= 20)
    }
    #expect(sends.count >= 80)
  }

  @Test func feishuGetsFiveASecondAndAHundredAMinute() {
    var budget = RateBudget.feishu
    var sent = 0
    var now = start
    while now < start.addingTimeInterval(60) {
      if let next = budget.reserve(at: now) { now = next } else { sent += 1 }
    }
    #expect(sent == 100)
    var fresh = RateBudget.feishu
    for _ in 0..<5 { #expect(fresh.reserve(at: start) == nil) }
    #expect(fresh.reserve(at: start) == start.addingTimeInterval(1))
  }

  @Test func bookingSpreadsHeldBackRows() {
    var budget = RateBudget.feishu
    let booked = (0..<7).map { _ in budget.book(after: start) }
    #expect(booked == [0, 0, 0, 0, 0, 1, 1].map { start.addingTimeInterval($0) })
  }

  @Test func unlimitedNeverHolds() {
    var budget = RateBudget.unlimited
    for _ in 0..<1000 { #expect(budget.reserve(at: start) == nil) }
  }

  func local(_ hour: Int, _ minute: Int, _ second: Int = 0, day: Int = 26) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = shanghai
    return calendar.date(
      from: DateComponents(year: 2026, month: 11, day: day, hour: hour, minute: minute, second: second))!
  }

  @Test func halfHourGuardKeepsSendsOffTheHalfHours() {
    let guardian = HalfHourGuard(zone: shanghai)
    #expect(guardian.nextAllowed(after: local(17, 30, 10)) == local(17, 31))
    #expect(guardian.nextAllowed(after: local(17, 59, 30)) == local(18, 1))
    #expect(guardian.nextAllowed(after: local(17, 15)) == local(17, 15))
    #expect(guardian.nextAllowed(after: local(17, 31)) == local(17, 31))
  }

  @Test func quietHoursSpanMidnight() throws {
    let quiet = try #require(QuietHours("21:00-08:00", zone: shanghai))
    #expect(quiet.nextAllowed(after: local(22, 15)) == local(8, 0, day: 27))
    #expect(quiet.nextAllowed(after: local(6, 0)) == local(8, 0))
    #expect(quiet.nextAllowed(after: local(12, 0)) == local(12, 0))
    #expect(quiet.nextAllowed(after: local(21, 0)) == local(8, 0, day: 27))
    let lunch = try #require(QuietHours("12:00–13:30", zone: shanghai))
    #expect(lunch.nextAllowed(after: local(12, 45)) == local(13, 30))
    #expect(QuietHours("25:00-08:00", zone: shanghai) == nil)
  }

  @Test func backoffDoublesWithJitterUpToTheCap() {
    let policy = RetryPolicy(first: 30, maxDelay: 600, maxAge: 3600, jitter: 0.2)
    let middle = Backoff(policy: policy) { 0.5 }
    #expect(middle.delay(attempts: 1, minimum: nil) == 30)
    #expect(middle.delay(attempts: 3, minimum: nil) == 120)
    #expect(middle.delay(attempts: 10, minimum: nil) == 600)
    #expect(middle.delay(attempts: 1, minimum: 600) == 600)
    #expect(Backoff(policy: policy) { 0 }.delay(attempts: 1, minimum: nil) == 24)
    #expect(Backoff(policy: policy) { 0.999_999 }.delay(attempts: 1, minimum: nil) > 35.99)
    let created = start
    #expect(
      middle.nextAttempt(createdAt: created, attempts: 1, minimum: nil, now: start)
        == start.addingTimeInterval(30))
    #expect(
      middle.nextAttempt(createdAt: created, attempts: 9, minimum: nil, now: start.addingTimeInterval(3500))
        == nil)
  }
}
