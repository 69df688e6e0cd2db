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
        今日入户回访（走访时段 17:30–19:30）：
        【3栋】
        - A-3-1-1202 张先生/女士 138****5678 · 年度入户 · 入户 · 截止 2026-11-30
        今日电话/微信回访（不限时段）：
        【5栋】
        - A-5-2-0801 欧阳先生/女士 139****4321 · 装修回访 · 电话/微信 · 截止 2026-11-28
        已逾期：
        - A-3-1-1202 张先生/女士 138****5678 · 深度访谈 · 应于 2026-11-20 前完成
        """)
    #expect(rendered.mentions == ["lina"])
  }

  @Test func ownersNeverAppearWhole() throws {
    let owner = OwnerRef(household: "B-1-1-0101", surname: "王建国", phone: "13900001111")
    let digest = StewardOverdueDigest(
      steward: "李娜", date: "2026-11-06",
      visits: [
        OverdueVisit(
          visit: VisitLine(owner: owner, rule: "年度入户", channel: "入户", due: "2026-11-01"), daysOverdue: 5)
      ], settled: nil)
    let message = OutboxMessage(audience: .steward, project: "P1", content: .stewardOverdue(digest))
    let entry = try message.entry(key: "overdue:steward:S1:2026-11-06", notBefore: Date())
    let text = try renderer.render(OutboxMessage.decode(entry.payload), key: entry.key).text
    for shown in [text, entry.payload] {
      #expect(!shown.contains("13900001111"))
      #expect(!shown.contains("王建国"))
      #expect(shown.contains("139****1111"))
    }
    let smuggled = entry.payload.replacingOccurrences(of: "139****1111", with: "13900001111")
    #expect(try renderer.render(OutboxMessage.decode(smuggled), key: "k").text.contains("139****1111"))
  }

  @Test func aStewardsOverdueDigestListsMostOverdueFirstThenWhatWasSettled() throws {
    let visits = [
      OverdueVisit(
        visit: VisitLine(owner: Fixtures.owner, rule: "新入住上门拜访", channel: "入户", due: "2026-11-10"),
        daysOverdue: 16),
      OverdueVisit(
        visit: VisitLine(owner: Fixtures.owner, rule: "报事跟踪回访", channel: "入户/电话/微信", due: "2026-11-20"),
        daysOverdue: 6),
    ]
    let digest = StewardOverdueDigest(steward: "李娜", date: "2026-11-26", visits: visits, settled: 2)
    let rendered = try renderer.render(
      OutboxMessage(audience: .steward, project: "P1", content: .stewardOverdue(digest)), key: "k")
    #expect(rendered.title == "【逾期回访】李娜：2 项逾期（2026-11-26）")
    #expect(
      rendered.body == """
        - A-3-1-1202 张先生/女士 138****5678 · 新入住上门拜访 · 入户 · 应于 2026-11-10 前完成，已逾期 16 天
        - A-3-1-1202 张先生/女士 138****5678 · 报事跟踪回访 · 入户/电话/微信 · 应于 2026-11-20 前完成，已逾期 6 天
        自上次提醒以来已处理 2 项。
        请尽快安排回访，或登记豁免原因。
        """)
  }

  @Test func aClearedEscalationSaysSoInOneLine() throws {
    let steward = StewardOverdueDigest(steward: "李娜", date: "2026-11-26", visits: [], settled: 3)
    let lead = LeadOverdueDigest(project: "东苑", date: "2026-11-26", stewards: [], settled: 1)
    let operations = OperationsOverdueDigest(date: "2026-11-26", projects: [], settled: 1)
    let texts = try [
      MessageContent.stewardOverdue(steward), .leadOverdue(lead), .operationsOverdue(operations),
    ].map { try renderer.render(OutboxMessage(audience: .steward, project: nil, content: $0), key: "k") }
    #expect(
      texts.map(\.title) == [
        "【逾期回访已清零】李娜（2026-11-26）", "【逾期回访已清零】东苑（2026-11-26）", "【逾期回访已清零】全部项目（2026-11-26）",
      ])
    #expect(texts[0].body == "您名下的逾期回访已全部处理（自上次提醒以来处理 3 项）。")
  }

  @Test(arguments: [
    MessageContent.leadOverdue(
      LeadOverdueDigest(
        project: "东苑", date: "2026-11-26",
        stewards: [
          StewardOverdueCount(
            steward: "李娜", count: 4,
            oldest: [
              OverdueVisit(
                visit: VisitLine(owner: Fixtures.owner, rule: "深度访谈", channel: "入户", due: "2026-11-20"),
                daysOverdue: 6)
            ])
        ], settled: nil)),
    .operationsOverdue(
      OperationsOverdueDigest(
        date: "2026-11-26",
        projects: [ProjectOverdueCount(project: "东苑", count: 4, stewards: 1, oldestDays: 6)],
        settled: 1)),
    .overdueEscalation(
      OverdueEscalation(
        project: "东苑", steward: "李娜",
        visit: VisitLine(owner: Fixtures.owner, rule: "年度入户", channel: "入户", due: "2026-11-01"),
        daysOverdue: 5, step: "项目负责人")),
    .spotCheck(
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
    .captureRanking(
      CaptureRankingReport(
        month: "2026-11",
        ranking: [RankingLine(rank: 1, project: "东苑", rate: "112.0%", interviewed: 37, reward: 500)],
        rewards: [500, 300, 200], lastPenalty: 300, minimumInterviews: 10)),
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
    // A stored row of the time the ranking went in the summary still renders it.
    let text = try renderer.render(
      OutboxMessage(audience: .operations, project: nil, content: .monthlySummary(summary)), key: "k"
    ).text
    #expect(text.contains("（访谈数不足，不排名） 西园 50.0%"))
    #expect(!text.contains("热点问题"))
  }

  @Test func theWindowHeaderStandsOnlyAboveInHomeVisitsAndAnOpenEndedCallHasNoDueDate() throws {
    let call = VisitLine(owner: Fixtures.owner, rule: "空置房季度联系", channel: "电话/微信/短信", due: nil)
    let calls = StewardDigest(
      steward: "李娜", date: "2026-11-26 星期四", window: "17:30–19:30", buildings: [],
      calls: [BuildingGroup(building: "3栋", visits: [call])], overdue: [])
    let text = try renderer.render(
      OutboxMessage(audience: .steward, project: "P1", content: .stewardDigest(calls)), key: "k"
    ).text
    #expect(!text.contains("走访时段"))
    #expect(text.hasSuffix("\n- A-3-1-1202 张先生/女士 138****5678 · 空置房季度联系 · 电话/微信/短信"))
    #expect(!text.contains("截止"))
    let nothing = StewardDigest(
      steward: "李娜", date: "2026-11-28 星期六", window: "17:30–19:30", buildings: [], calls: [], overdue: [])
    let quiet = try renderer.render(
      OutboxMessage(audience: .steward, project: "P1", content: .stewardDigest(nothing)), key: "k")
    #expect(quiet.body == "（今日无计划回访）")
  }

  @Test func aLateDigestSaysWhenItWasDueAboveTodaysWork() throws {
    var digest = Fixtures.digest
    digest.date = "2026-11-27 星期五"
    digest.late = "2026-11-26 16:30"
    let rendered = try renderer.render(
      OutboxMessage(audience: .steward, project: "P1", content: .stewardDigest(digest)), key: "k")
    #expect(rendered.title == "李娜，今日回访提醒（2026-11-27 星期五）")
    #expect(
      rendered.body.hasPrefix("（补发：原定 2026-11-26 16:30 的提醒未能按时发出，以下为 2026-11-27 星期五 的安排）\n今日入户回访"))
  }

  @Test func theRankingHasItsOwnTitleWithTheRewardsAndThePenalty() throws {
    let ranking = CaptureRankingReport(
      month: "2026-11",
      ranking: [
        RankingLine(rank: 1, project: "东苑", rate: "112.0%", interviewed: 37, reward: 500),
        RankingLine(rank: 2, project: "西园", rate: "98.0%", interviewed: 30, reward: 300),
        RankingLine(rank: 3, project: "南山", rate: "80.0%", interviewed: 22, reward: 200),
        RankingLine(rank: 4, project: "北岸", rate: "40.0%", interviewed: 25, penalty: 300),
        RankingLine(rank: nil, project: "新城", rate: "50.0%", interviewed: 2),
      ], rewards: [500, 300, 200], lastPenalty: 300, minimumInterviews: 10)
    let rendered = try renderer.render(
      OutboxMessage(audience: .operations, project: nil, content: .captureRanking(ranking)), key: "k")
    #expect(rendered.title == "【信息捕捉率排名】2026-11 各项目信息捕捉率")
    #expect(
      rendered.body == """
        1. 东苑 112.0%（访谈 37 户） · 奖励 500 元
        2. 西园 98.0%（访谈 30 户） · 奖励 300 元
        3. 南山 80.0%（访谈 22 户） · 奖励 200 元
        4. 北岸 40.0%（访谈 25 户） · 处罚 300 元
        （访谈不足 10 户，不排名）新城 50.0%（访谈 2 户）
        按考核规定：排名前 3 的项目分别奖励 500/300/200 元绩效，排名末位的项目处罚 300 元绩效。
        """)
  }

  @Test func theSummaryHasNoEmptyHeadings() throws {
    let summary = MonthlySummaryReport(
      month: "2026-11",
      projects: [
        ProjectSummaryLine(
          project: "东苑", owed: 40, onTime: 35, late: 2, waived: 1, overdue: 2, compliance: "87.5%",
          satisfaction: "4.6")
      ], ranking: [], hotIssues: [])
    let text = try renderer.render(
      OutboxMessage(audience: .operations, project: nil, content: .monthlySummary(summary)), key: "k"
    ).text
    #expect(!text.contains("排名"))
    #expect(!text.split(separator: "\n").last!.hasSuffix("："))
  }

  @Test func theSpotCheckListsCarriedOverOverdueAndCountsTheStewardsOnPlan() throws {
    let notice = SpotCheckNotice(
      project: "东苑", month: "2026-11",
      stewards: [
        StewardProgress(rank: 1, steward: "李娜", planned: 20, done: 8, behind: 12, carried: 3),
        StewardProgress(rank: 2, steward: "王强", planned: 18, done: 18, behind: 0, carried: 1),
      ], onPlan: 4)
    let rendered = try renderer.render(
      OutboxMessage(
        audience: .projectLead, project: "P1", content: .spotCheck(notice), mentions: ["zhoumin"]),
      key: "k")
    #expect(
      rendered.body == """
        1. 李娜：计划 20，已完成 8，落后 12，往月遗留逾期 3 项
        2. 王强：计划 18，已完成 18，落后 0，往月遗留逾期 1 项
        请督促以上管家按计划完成回访。
        其余 4 位管家进度符合计划。
        """)
    #expect(rendered.mentions == ["zhoumin"])
  }

  @Test func aStoredPerTaskEscalationNamesItsAudienceInChinese() throws {
    let legacy = OverdueEscalation(
      project: "东苑", steward: "李娜", visit: Fixtures.visit, daysOverdue: 5, step: "project-lead")
    let text = try renderer.render(
      OutboxMessage(audience: .projectLead, project: "P1", content: .overdueEscalation(legacy)), key: "k"
    ).text
    #expect(text.contains("提醒对象：项目负责人\n"))
  }

  @Test func aSampleWithNothingToSampleSaysSo() throws {
    let sample = VerificationSampleReport(project: "东苑", month: "2026-11", visits: [])
    let rendered = try renderer.render(
      OutboxMessage(audience: .operations, project: "P1", content: .verificationSample(sample)), key: "k")
    #expect(rendered.body == "本月尚无已完成的回访可供抽样。")
  }

  @Test func aDeadLetterNamesTheAudienceInChinese() throws {
    let notice = DeadLetterNotice(
      id: 7, key: "digest:S1:2026-11-26", channel: "管家", attempts: 9, error: "HTTP 404")
    let text = try renderer.render(
      OutboxMessage(audience: .admin, project: nil, content: .deadLetter(notice)), key: "k"
    ).text
    #expect(text.contains("接收对象：管家"))
  }

  @Test func aPageIsLinkedUnderTheConfiguredAddressOnly() throws {
    var message = Fixtures.message()
    message.page = "/app/today"
    #expect(try renderer.render(message, key: "k").link == nil)
    let linked = try MessageRenderer(webBaseURL: "https://visit.example.com/").render(message, key: "k")
    #expect(linked.link == "https://visit.example.com/app/today")
  }

  @Test func anAdminOverrideWins() throws {
    let directory = try Fixtures.temporaryDirectory()
    try Fixtures.write(
      "今日 {{steward}} 共 {{count(buildings)}} 栋\n<b>{{window}}</b>", to: directory + "/steward-digest.mustache"
    )
    let rendered = try MessageRenderer(overrides: directory).render(Fixtures.message(), key: "k")
    #expect(rendered.title == "今日 李娜 共 1 栋")
    #expect(rendered.body == "<b>17:30–19:30</b>")
  }
}
