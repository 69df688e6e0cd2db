import CalendarSpec
import Foundation
import Messages
import Planner
import Policy
import Store

/// What a schedule run tells people, as outbox entries with deterministic keys.
public struct ScheduleNotices {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan

  /// The notices of `plan` made with `rules` and `facts`.
  public init(rules: RuleSet, facts: Facts, plan: Plan) {
    self.rules = rules
    self.facts = facts
    self.plan = plan
  }

  /// The entries of one run of `schedule`, for the elapse at `instant`, run at `now` (the elapse's instant when
  /// not given).
  ///
  /// Decision: a daily digest whose run comes after the day its elapse was for can still be acted on (the daemon
  /// was down, a catch-up run) is made for the day the run can still be acted on — the run's day while its
  /// visiting window is ahead, else the next, when quiet hours let an evening run out — keyed for that day and
  /// saying when it was due; that day's own run then makes the same key and sends nothing more. An on-time run
  /// is made for its elapse's day, as always.
  public func entries(for schedule: Schedule, at instant: Date, now: Date? = nil) throws -> [OutboxEntry] {
    let zone = rules.settings.timeZone
    let day = LocalDate(instant, in: zone)
    let month = YearMonth(day)
    let messages: [(key: String, message: OutboxMessage)]
    switch schedule.report {
    case .dailyDigest:
      let target = actionableDay(now ?? instant)
      let digests = StewardDigests(rules: rules, facts: facts, plan: plan)
      messages =
        target > actionableDay(instant)
        ? digests.messages(on: target, late: InstantText.minute(instant, in: zone))
        : digests.messages(on: day)
    case .overdueEscalation(let escalation):
      let previous =
        schedule.previousElapse(before: instant, zone: rules.settings.timeZone, holidays: rules.holidays)
        ?? instant.addingTimeInterval(-86_400)
      messages = OverdueNotices(rules: rules, facts: facts, plan: plan, escalation: escalation).messages(
        at: instant, previous: previous)
    case .spotCheck(let threshold): messages = spotChecks(month: month, day: day, threshold: threshold)
    case .monthlySummary(let threshold): messages = [summary(month: month, threshold: threshold, at: instant)]
    case .captureRateRanking(let ranking): messages = [self.ranking(month.adding(-1), ranking, at: instant)]
    case .verificationSample(let size): messages = samples(month: month.adding(-1), size: size, at: instant)
    }
    return try messages.map { try $0.message.entry(key: $0.key, notBefore: instant) }
  }

  /// The day a steward reading a message at `instant` can still visit on: its day until that day's visiting
  /// window closes, then the next.
  private func actionableDay(_ instant: Date) -> LocalDate {
    let zone = rules.settings.timeZone
    let window = rules.settings.visitingWindow.hours
    let day = LocalDate(instant, in: zone)
    let closes = day.instant(hour: window.endMinute / 60, minute: window.endMinute % 60, in: zone)
    return instant > closes ? day.adding(days: 1) : day
  }

  private func spotChecks(month: YearMonth, day: LocalDate, threshold: SpotCheck)
    -> [(key: String, message: OutboxMessage)]
  {
    let report = SpotCheckReport(
      plan: plan, facts: facts, rules: rules, month: month, asOf: day, threshold: threshold)
    return facts.projectIDs.compactMap { project in
      let rows = report.stewards.filter { $0.project == project }
      guard !rows.isEmpty else { return nil }
      let told = rows.filter { $0.behind || $0.overdueCarried > 0 }
      let lines = told.enumerated().map { index, row in
        StewardProgress(
          rank: index + 1, steward: facts.stewards[row.steward]?.name ?? row.steward,
          planned: Int(row.expected.rounded(.up)), done: row.done + row.waived,
          behind: max(0, Int(row.expected.rounded(.up)) - row.done - row.waived),
          carried: row.overdueCarried > 0 ? row.overdueCarried : nil)
      }
      let content = SpotCheckNotice(
        project: projectName(project), month: "\(month)", stewards: lines,
        onPlan: !told.isEmpty && rows.count > told.count ? rows.count - told.count : nil)
      let lead = facts.projects[project].flatMap { facts.recipient($0.lead) }
      return (
        "spot-check:\(project):\(month)",
        OutboxMessage(
          audience: .projectLead, project: project, content: .spotCheck(content),
          mentions: lead?.wecom.map { [$0] } ?? [],
          page: "/app/lead?month=\(month)", recipient: lead)
      )
    }
  }

  /// The 25th summary, with the month's register and the summary attached as CSV (for the mail).
  private func summary(month: YearMonth, threshold: Summary, at instant: Date) -> (
    key: String, message: OutboxMessage
  ) {
    var lines: [ProjectSummaryLine] = []
    var hot: [String] = []
    for project in facts.projectIDs {
      let summary = MonthlySummary(
        project: project, month: month, plan: plan, facts: facts, rules: rules, threshold: threshold)
      let compliance = summary.compliance
      let overall = summary.satisfaction.first { $0.dimension == "overall" }
      lines.append(
        ProjectSummaryLine(
          project: projectName(project), owed: compliance.owed, onTime: compliance.onTime,
          late: compliance.late,
          waived: compliance.waived, overdue: compliance.overdue,
          compliance: Figures.percent(compliance.rate),
          satisfaction: overall.map { String(format: "%.1f", $0.mean) } ?? "-"))
      hot += summary.hotIssues.filter(\.commonMatter).map {
        "\(projectName(project)) \($0.category): \($0.households) 户 (共性事项)"
      }
    }
    let content = MonthlySummaryReport(month: "\(month)", projects: lines, ranking: [], hotIssues: hot)
    let files = SummaryAttachments(rules: rules, facts: facts)
    return (
      "summary:\(month)",
      OutboxMessage(
        audience: .operations, project: nil, content: .monthlySummary(content),
        attachments: [
          files.register(month: month, until: instant), files.summary(month: month, lines: lines),
        ],
        page: "/app/ops?month=\(month)")
    )
  }

  private func ranking(_ month: YearMonth, _ ranking: Ranking, at instant: Date) -> (
    key: String, message: OutboxMessage
  ) {
    let result = CaptureRanking(month: month, facts: facts, rules: rules, ranking: ranking, until: instant)
    let lines = result.projects.map { ranked in
      RankingLine(
        rank: ranked.place, project: projectName(ranked.rate.project),
        rate: Figures.percent(ranked.rate.rate), interviewed: ranked.rate.interviewed,
        reward: ranked.reward > 0 ? ranked.reward : nil, penalty: ranked.penalty > 0 ? ranked.penalty : nil)
    }
    let content = CaptureRankingReport(
      month: "\(month)", ranking: lines, rewards: ranking.rewards, lastPenalty: ranking.lastPenalty,
      minimumInterviews: ranking.minimumInterviews)
    return (
      "ranking:\(month)",
      OutboxMessage(
        audience: .operations, project: nil, content: .captureRanking(content),
        page: "/app/ops?month=\(month)")
    )
  }

  private func samples(month: YearMonth, size: Sample, at instant: Date) -> [(
    key: String, message: OutboxMessage
  )] {
    facts.projectIDs.map { project in
      let sample = VerificationSample(
        project: project, month: month, facts: facts, rules: rules, size: size, until: instant)
      let visits = sample.visits.map { visit in
        SampledVisit(
          owner: owner(of: visit.household),
          at: InstantText.minuteWithOffset(visit.at, in: rules.settings.timeZone),
          steward: facts.stewards[visit.steward]?.name ?? visit.steward,
          channel: ValueWords.chinese(visit.channel))
      }
      let content = VerificationSampleReport(project: projectName(project), month: "\(month)", visits: visits)
      return (
        "sample:\(project):\(month)",
        OutboxMessage(
          audience: .operations, project: project, content: .verificationSample(content),
          page: "/app/ops/sample?month=\(month)")
      )
    }
  }

  private func projectName(_ project: String) -> String { facts.projects[project]?.name ?? project }

  private func owner(of household: String) -> OwnerRef {
    let owner = facts.households[household]?.owner
    return OwnerRef(household: household, surname: owner?.surname ?? "", phone: owner?.phone ?? "")
  }
}
