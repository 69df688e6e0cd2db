import CalendarSpec
import Delivery
import Foundation
import Messages
import Planner
import Policy
import StoreSQLite
import Testing

@testable import Operations

/// The 25th summary mail carries the month's register and the summary as CSV files Excel opens: a UTF-8 BOM,
/// Chinese headers, one register row per contact of the month, owners masked.
@Suite struct SummaryAttachmentTests {
  @Test func theSummaryCarriesTheRegisterAndTheSummaryAsCSVWithABOMAndChineseHeaders() throws {
    let instant = World.instant("2026-11-25 09:00")
    let store = try SQLiteStore()
    _ = try DemoSeed.seedIfEmpty(store, rules: World.rules, now: instant)
    let current = try CurrentPlan.load(store: store, rules: World.rules, at: instant, refresh: true)
    let schedule = try #require(World.rules.schedules.first { $0.id == "monthly-summary" })
    let entries = try ScheduleNotices(rules: World.rules, facts: current.facts, plan: current.plan).entries(
      for: schedule, at: instant)
    let message = try OutboxMessage.decode(try #require(entries.first).payload)
    #expect(message.attachments.map(\.filename) == ["访谈登记表-2026-11.csv", "月度汇总-2026-11.csv"])
    let register = message.attachments[0].csv
    let summary = message.attachments[1].csv
    for csv in [register, summary] {
      #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 BOM first")
      #expect(csv.range(of: "1[3-9][0-9]{9}", options: .regularExpression) == nil, "no full phone number")
    }
    let registerLines = register.dropFirst().split(separator: "\n")
    #expect(registerLines.first == Substring(SummaryAttachments.registerHeaders.joined(separator: ",")))
    let contacts = current.facts.households.keys.flatMap { current.facts.visits(of: $0) }.filter {
      $0.at <= instant && YearMonth(LocalDate($0.at, in: World.zone)) == YearMonth(year: 2026, month: 11)
    }
    #expect(contacts.count > 20, "the demo has a month of visits")
    #expect(registerLines.count == contacts.count + 1, "one row per contact of the month")
    #expect(registerLines.dropFirst().allSatisfy { $0.contains(",2026-11-") })
    let summaryLines = summary.dropFirst().split(separator: "\n")
    #expect(summaryLines.first == "项目,应访,按时,迟办,豁免,逾期,完成率,满意度")
    #expect(summaryLines.count == current.facts.projectIDs.count + 1)

    // The mail carries both files; a chat channel's text does not mention them.
    let rendered = try MessageRenderer().render(message, key: "summary:2026-11")
    #expect(rendered.attachments.count == 2)
  }
}
