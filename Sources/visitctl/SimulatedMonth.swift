import CalendarSpec
import Foundation
import Operations
import Planner
import Policy

/// One month of a simulation: the plan per steward at month end, the spot check, the summary and the ranking.
struct SimulatedMonth: Encodable {
  /// The month.
  let month: YearMonth
  /// Each steward's month, by project then steward.
  var stewards: [StewardMonth] = []
  /// The spot check of the 15th, when the period holds it.
  var spotCheck: [StewardProgress]?
  /// The summaries of the 25th, when the period holds it.
  var summaries: [SummaryDocument]?
  /// The capture-rate ranking at month end.
  var ranking: [RankedProject] = []

  init(month: YearMonth) { self.month = month }

  /// The month as text.
  var text: String {
    var tables = [stewardTable]
    if let spotCheck { tables.append(spotCheckTable(spotCheck)) }
    if let summaries { tables.append(summaryTable(summaries)) }
    tables.append(rankingTable)
    return "== \(month) ==\n" + tables.map(\.text).joined(separator: "\n\n")
  }

  private var stewardTable: TextTable {
    var table = TextTable(
      "Plan per steward (tasks planned this month, as of month end)",
      headers: [
        "project", "steward", "owed", "done", "late", "waived", "pending", "overdue", "visits", "attempts",
        "overdue (all months)",
      ])
    for row in stewards {
      table.append(
        [row.project, row.steward]
          + [
            row.owed, row.done, row.late, row.waived, row.pending, row.overdue, row.visits, row.attempts,
            row.overdueAll,
          ].map { "\($0)" })
    }
    return table
  }

  private func spotCheckTable(_ rows: [StewardProgress]) -> TextTable {
    var table = TextTable(
      "Spot check on the 15th: stewards behind",
      headers: ["project", "steward", "owed", "done", "expected", "progress", "overdue carried"])
    for row in rows where row.behind {
      table.append([
        row.project, row.steward, "\(row.owed)", "\(row.done)", Figures.decimal(row.expected),
        Figures.percent(row.progress), "\(row.overdueCarried)",
      ])
    }
    return table
  }

  private func summaryTable(_ rows: [SummaryDocument]) -> TextTable {
    var table = TextTable(
      "Summary on the 25th",
      headers: ["project", "reached", "attempted", "compliance", "waived share", "overall", "hot issues"])
    for row in rows {
      let overall = row.satisfaction.first { $0.dimension == "overall" && $0.ratings > 0 }
      let hot = row.hotIssues.prefix(3).map {
        "\($0.category) \($0.households)" + ($0.commonMatter ? "*" : "")
      }
      table.append([
        row.project, "\(row.reached)", "\(row.attempted)", Figures.percent(row.compliance.rate),
        Figures.percent(row.compliance.waivedShare), overall.map { Figures.decimal($0.mean) } ?? "",
        hot.joined(separator: ", "),
      ])
    }
    return table
  }

  private var rankingTable: TextTable {
    var table = TextTable(
      "Capture-rate ranking",
      headers: ["place", "project", "interviewed", "rate", "either share", "reward", "penalty"])
    for entry in ranking {
      table.append([
        entry.place.map(String.init) ?? "unranked", entry.rate.project, "\(entry.rate.interviewed)",
        Figures.percent(entry.rate.rate), Figures.percent(entry.rate.eitherShare), "\(entry.reward)",
        "\(entry.penalty)",
      ])
    }
    return table
  }
}

/// One steward's month: tasks planned in it by state, contacts made, and everything overdue.
struct StewardMonth: Encodable {
  let project: String
  let steward: String
  var owed = 0
  var done = 0
  var late = 0
  var waived = 0
  var pending = 0
  var overdue = 0
  var visits = 0
  var attempts = 0
  var overdueAll = 0

  init(project: String, steward: String) {
    self.project = project
    self.steward = steward
  }

  /// Counts a task planned in the month.
  mutating func count(_ task: VisitTask) {
    owed += 1
    switch task.state {
    case .done: done += 1
    case .late: late += 1
    case .waived: waived += 1
    case .overdue, .missed: overdue += 1
    case .planned, .open, .cancelled: pending += 1
    }
  }
}

/// The figures of a month computed from a day's plan.
struct MonthFigures {
  let rules: RuleSet
  let facts: Facts
  let plan: Plan
  let month: YearMonth

  func spotCheck(asOf day: LocalDate) -> [StewardProgress] {
    let threshold =
      rules.schedules.lazy.compactMap { if case .spotCheck(let value) = $0.report { value } else { nil } }
      .first
      ?? SpotCheck(behindBelow: 0.8)
    return SpotCheckReport(
      plan: plan, facts: facts, rules: rules, month: month, asOf: day, threshold: threshold
    ).stewards
  }

  func summaries() -> [SummaryDocument] {
    let threshold =
      rules.schedules.lazy.compactMap {
        if case .monthlySummary(let value) = $0.report { value } else { nil }
      }
      .first ?? Summary(commonMatterHouseholds: 3)
    return facts.projectIDs.map {
      SummaryDocument(
        MonthlySummary(
          project: $0, month: month, plan: plan, facts: facts, rules: rules, threshold: threshold))
    }
  }

  func ranking(until clock: Date) -> [RankedProject] {
    let ranking =
      rules.schedules.lazy.compactMap {
        if case .captureRateRanking(let value) = $0.report { value } else { nil }
      }
      .first ?? Ranking(minimumInterviews: 10, rewards: [], lastPenalty: 0)
    return CaptureRanking(month: month, facts: facts, rules: rules, ranking: ranking, until: clock).projects
  }

  func stewards(clock: Date) -> [StewardMonth] {
    var rows: [String: StewardMonth] = [:]
    func key(_ project: String, _ steward: String) -> String { project + "\u{1F}" + steward }
    for task in plan.allTasks where task.state != .cancelled {
      let id = key(task.project, task.assignee)
      var row = rows[id] ?? StewardMonth(project: task.project, steward: task.assignee)
      if task.plannedMonth == month { row.count(task) }
      if task.state == .overdue { row.overdueAll += 1 }
      rows[id] = row
    }
    let zone = rules.settings.timeZone
    for project in facts.projectIDs {
      for household in facts.households(inProject: project) {
        for visit in facts.visits(of: household)
        where visit.at <= clock && YearMonth(LocalDate(visit.at, in: zone)) == month {
          let id = key(project, visit.steward)
          var row = rows[id] ?? StewardMonth(project: project, steward: visit.steward)
          if visit.outcome == .reached { row.visits += 1 } else { row.attempts += 1 }
          rows[id] = row
        }
      }
    }
    return rows.keys.sorted().compactMap { rows[$0] }
  }
}
