import Delivery
import Foundation
import Messages
import Testing

@Suite struct TemplateTests {
  let renderer = try! MessageRenderer()

  @Test func digestGroupsByBuildingThenOverdue() throws {
    let rendered = try renderer.render(Fixtures.message(), key: "digest:S1:2026-11-26")
    #expect(rendered.title == "李娜，今日回访提醒（2026-11-26 星期四）")
    #expect(
      rendered.body == """
        今日计划回访（走访时段 17:30–19:30）：
        【3栋】
        - A-3-1-1202 张先生/女士 138****5678 · 年度入户 · 入户 · 截止 2026-11-30
        【5栋】
        - A-5-2-0801 欧阳先生/女士 139****4321 · 装修回访 · 电话/微信 · 截止 2026-11-28
        已逾期：
        - A-3-1-1202 张先生/女士 138****5678 · 深度访谈 · 应于 2026-11-20 前完成
        """)
    #expect(rendered.mentions == ["lina"])
  }

  @Test func ownersNeverAppearWhole() throws {
    let owner = OwnerRef(household: "B-1-1-0101", surname: "王建国", phone: "13900001111")
    let escalation = OverdueEscalation(
      project: "东苑", steward: "李娜",
      visit: VisitLine(owner: owner, rule: "年度入户", channel: "入户", due: "2026-11-01"),
      daysOverdue: 5, step: "项目负责人")
    let message = OutboxMessage(
      audience: .projectLead, project: "P1", content: .overdueEscalation(escalation))
    let entry = try message.entry(key: "overdue:T1:1", notBefore: Date())
    let text = try renderer.render(OutboxMessage.decode(entry.payload), key: entry.key).text
    for shown in [text, entry.payload] {
      #expect(!shown.contains("13900001111"))
      #expect(!shown.contains("王建国"))
      #expect(shown.contains("139****1111"))
    }
    let smuggled = entry.payload.replacingOccurrences(of: "139****1111", with: "13900001111")
    #expect(try renderer.render(OutboxMessage.decode(smuggled), key: "k").text.contains("139****1111"))
  }

  @Test(arguments: [
    MessageContent.spotCheck(
      SpotCheckNotice(
        project: "东苑", month: "2026-11",
        stewards: [StewardProgress(rank: 1, steward: "李娜", planned: 20, done: 8, behind: 12)])),
    .monthlySummary(
      MonthlySummaryReport(
        month: "2026-11",
        projects: [
          ProjectSummaryLine(
            project: "东苑", owed: 40, onTime: 35, late: 2, waived: 1, overdue: 2, compliance: "87.5%",
            satisfaction: "4.6")
        ],
        ranking: [
          RankingLine(rank: 1, project: "东苑", rate: "112.0%", interviewed: 37),
          RankingLine(rank: nil, project: "西园", rate: "50.0%", interviewed: 2),
        ], hotIssues: ["维修 ×12（共性事项）"])),
    .verificationSample(
      VerificationSampleReport(
        project: "东苑", month: "2026-11",
        visits: [SampledVisit(owner: Fixtures.owner, at: "2026-11-12 18:05", steward: "李娜", channel: "入户")])),
    .deadLetter(
      DeadLetterNotice(id: 7, key: "digest:S1:2026-11-26", channel: "steward", attempts: 9, error: "HTTP 404")
    ),
  ])
  func everyReportRenders(content: MessageContent) throws {
    let rendered = try renderer.render(
      OutboxMessage(audience: .operations, project: nil, content: content), key: "k")
    #expect(!rendered.title.isEmpty)
    #expect(!rendered.body.isEmpty)
    #expect(!rendered.text.contains("{{"))
    #expect(!rendered.text.contains("13812345678"))
  }

  @Test func summaryMarksUnrankedProjects() throws {
    let summary = MonthlySummaryReport(
      month: "2026-11", projects: [],
      ranking: [RankingLine(rank: nil, project: "西园", rate: "50.0%", interviewed: 2)], hotIssues: [])
    let text = try renderer.render(
      OutboxMessage(audience: .operations, project: nil, content: .monthlySummary(summary)), key: "k"
    ).text
    #expect(text.contains("（访谈数不足，不排名） 西园 50.0%"))
    #expect(!text.contains("热点问题"))
  }

  @Test func anAdminOverrideWins() throws {
    let directory = try Fixtures.temporaryDirectory()
    try Fixtures.write(
      "今日 {{steward}} 共 {{count(buildings)}} 栋\n<b>{{window}}</b>", to: directory + "/steward-digest.mustache"
    )
    let rendered = try MessageRenderer(overrides: directory).render(Fixtures.message(), key: "k")
    #expect(rendered.title == "今日 李娜 共 2 栋")
    #expect(rendered.body == "<b>17:30–19:30</b>")
  }
}
