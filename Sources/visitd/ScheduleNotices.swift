import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// What a schedule run tells people, as outbox entries with deterministic keys.
struct ScheduleNotices {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan

  /// The entries of one run of `schedule`, for the elapse at `instant`.
  func entries(for schedule: Schedule, at instant: Date) -> [OutboxEntry] {
    let day = LocalDate(instant, in: rules.settings.timeZone)
    let month = YearMonth(day)
    switch schedule.report {
    case .dailyDigest:
      return StewardDigest(rules: rules, facts: facts, plan: plan).entries(on: day, at: instant)
    case .overdueEscalation(let escalation):
      return OverdueEscalation(facts: facts, plan: plan, escalation: escalation).entries(on: day, at: instant)
    case .spotCheck(let threshold):
      return spotCheck(month: month, day: day, threshold: threshold, at: instant)
    case .monthlySummary(let threshold): return summaries(month: month, threshold: threshold, at: instant)
    case .captureRateRanking(let ranking):
      return [self.ranking(month.adding(-1), ranking: ranking, at: instant)]
    case .verificationSample(let size): return samples(month: month, size: size, at: instant)
    }
  }

  private func spotCheck(month: YearMonth, day: LocalDate, threshold: SpotCheck, at instant: Date)
    -> [OutboxEntry]
  {
    let report = SpotCheckReport(
      plan: plan, facts: facts, rules: rules, month: month, asOf: day, threshold: threshold)
    return facts.projectIDs.compactMap { project in
      let rows = report.stewards.filter { $0.project == project }
      guard !rows.isEmpty else { return nil }
      let behind = rows.filter(\.behind)
      let lines = rows.map { row in
        "\(row.steward): 应访 \(row.owed), 已完成 \(row.done), 未接通 \(row.attempted), "
          + "逾期结转 \(row.overdueCarried), 进度 \(Int((row.progress * 100).rounded()))%\(row.behind ? " 落后" : "")"
      }
      return entry(
        key: "spot-check:\(project):\(month)", audience: .projectLead, recipient: project, project: project,
        title: "\(month) 月中抽查: \(behind.count) 名管家落后于计划", lines: lines, data: AnyReport(rows), at: instant)
    }
  }

  private func summaries(month: YearMonth, threshold: Summary, at instant: Date) -> [OutboxEntry] {
    facts.projectIDs.map { project in
      let summary = MonthlySummary(
        project: project, month: month, plan: plan, facts: facts, rules: rules, threshold: threshold)
      let compliance = summary.compliance
      let lines =
        [
          "接通 \(summary.reached), 未接通 \(summary.attempted), 时段外入户 \(summary.outOfWindow), 报事 \(summary.ticketsRaised)",
          "按时完成率: \(compliance)",
        ] + summary.hotIssues.map { "热点: \($0)" }
      return entry(
        key: "summary:\(project):\(month)", audience: .operations, recipient: "operations", project: project,
        title: "\(month) 月度访谈汇总 \(facts.projects[project]?.name ?? project)", lines: lines,
        data: AnyReport(summary), at: instant)
    }
  }

  private func ranking(_ month: YearMonth, ranking: Ranking, at instant: Date) -> OutboxEntry {
    let result = CaptureRanking(month: month, facts: facts, rules: rules, ranking: ranking, until: instant)
    let lines = result.projects.map { ranked in
      let place = ranked.place.map { "第\($0)名" } ?? "不参与排名"
      let money =
        ranked.reward > 0 ? " 奖励\(ranked.reward)元" : ranked.penalty > 0 ? " 处罚\(ranked.penalty)元" : ""
      return "\(place) \(ranked.rate.project): \(Int((ranked.rate.rate * 100).rounded()))%\(money)"
    }
    return entry(
      key: "ranking:\(month)", audience: .operations, recipient: "operations", project: nil,
      title: "\(month) 信息捕捉率排名", lines: lines, data: AnyReport(result), at: instant)
  }

  private func samples(month: YearMonth, size: Sample, at instant: Date) -> [OutboxEntry] {
    facts.projectIDs.map { project in
      let sample = VerificationSample(
        project: project, month: month, facts: facts, rules: rules, size: size, until: instant)
      let lines = sample.visits.map { visit in
        let owner = facts.households[visit.household]?.owner
        return
          "\(visit.household) \(owner.map { Masking.name($0.name.isEmpty ? $0.surname : $0.name) } ?? "") "
          + "\(owner.map { Masking.phone($0.phone) } ?? "") \(visit.channel.rawValue) 管家 \(visit.steward)"
      }
      return entry(
        key: "sample:\(project):\(month)", audience: .operations, recipient: "operations", project: project,
        title: "\(month) 抽样验证 \(facts.projects[project]?.name ?? project): \(sample.visits.count) 条",
        lines: lines, data: nil, at: instant)
    }
  }
}

/// Builds one outbox entry from its parts.
func entry(
  key: String, audience: Audience, recipient: String, project: String?, title: String, lines: [String],
  data: AnyReport?, at instant: Date
) -> OutboxEntry {
  let payload = NoticePayload(
    report: String(key.prefix { $0 != ":" }), audience: audience.rawValue, recipient: recipient,
    project: project, title: title, text: ([title] + lines).joined(separator: "\n"), data: data)
  return OutboxEntry(key: key, channel: audience.rawValue, payload: payload.json, notBefore: instant)
}
