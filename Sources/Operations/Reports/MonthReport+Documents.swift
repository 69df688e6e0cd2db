import CalendarSpec
import Foundation
import Planner
import Policy

/// Each report of a month as a document.
extension MonthReport {
  /// The spot check (抽查): each steward's progress against plan, with the threshold it was judged by.
  public func spotCheck() -> SpotCheckDocument {
    let threshold =
      self.threshold { if case .spotCheck(let value) = $0 { value } else { nil } }
      ?? SpotCheck(behindBelow: 0.8)
    let report = SpotCheckReport(
      plan: current.plan, facts: current.facts, rules: current.rules, month: month, asOf: asOf,
      threshold: threshold)
    return SpotCheckDocument(
      month: month, asOf: "\(asOf)", behindBelow: threshold.behindBelow,
      stewards: report.stewards.filter { project == nil || $0.project == project })
  }

  /// The monthly summary (月度汇总) of each project.
  public func summaries() -> [SummaryDocument] {
    let threshold =
      self.threshold { if case .monthlySummary(let value) = $0 { value } else { nil } }
      ?? Summary(commonMatterHouseholds: 3)
    return projects.map {
      SummaryDocument(
        MonthlySummary(
          project: $0, month: month, plan: current.plan, facts: current.facts, rules: current.rules,
          threshold: threshold))
    }
  }

  /// The information-capture rate (信息捕捉率) of each project.
  public func captureRates() -> [CaptureRate] {
    projects.map {
      CaptureRate(
        project: $0, month: month, facts: current.facts, defaultZone: current.rules.settings.timeZone,
        until: current.plan.clock)
    }
  }

  /// The capture-rate ranking with its rewards and penalty, and the rule it was ranked by.
  public func ranking() -> (rules: Ranking, document: RankingDocument) {
    let rules =
      threshold { if case .captureRateRanking(let value) = $0 { value } else { nil } }
      ?? Ranking(minimumInterviews: 10, rewards: [], lastPenalty: 0)
    let ranking = CaptureRanking(
      month: month, facts: current.facts, rules: current.rules, ranking: rules, until: current.plan.clock)
    let shown = ranking.projects.filter { project == nil || $0.rate.project == project }
    return (rules, RankingDocument(month: ranking.month, projects: shown))
  }

  /// The verification sample (抽样验证) of each project, and its size.
  public func samples() -> (size: Sample, documents: [SampleDocument]) {
    let size =
      threshold { if case .verificationSample(let value) = $0 { value } else { nil } }
      ?? Sample(perProject: 10)
    let documents = projects.map { project in
      let sample = VerificationSample(
        project: project, month: month, facts: current.facts, rules: current.rules, size: size,
        until: current.plan.clock)
      let zone = current.zone(ofProject: project)
      return SampleDocument(
        project: project, month: month,
        visits: sample.visits.map { SampleEntry($0, report: self, zone: zone) })
    }
    return (size, documents)
  }
}

/// The spot check as a document.
public struct SpotCheckDocument: Encodable, Sendable {
  /// The month.
  public let month: YearMonth
  /// The day checked.
  public let asOf: String
  /// Behind means progress below this share of the expected.
  public let behindBelow: Double
  /// Each steward's progress, most behind first.
  public let stewards: [StewardProgress]
}

/// The capture-rate ranking as a document.
public struct RankingDocument: Encodable, Sendable {
  /// The month ranked.
  public let month: YearMonth
  /// The projects by place, unranked last.
  public let projects: [RankedProject]
}

/// One project's verification sample.
public struct SampleDocument: Encodable, Sendable {
  /// The project.
  public let project: String
  /// The month sampled.
  public let month: YearMonth
  /// The visits to call back.
  public let visits: [SampleEntry]
}

/// A visit of the verification sample, its owner shown as the report's contact style says.
public struct SampleEntry: Encodable, Sendable {
  /// The visit id.
  public let visit: String
  /// The household code.
  public let household: String
  /// The owner as shown.
  public let owner: String
  /// The phone as shown.
  public let phone: String
  /// When, in the project's zone.
  public let at: String
  /// The channel.
  public let channel: String
  /// Basic or deep.
  public let kind: String
  /// The steward who made it.
  public let steward: String
  /// Who was interviewed.
  public let interviewee: String

  init(_ visit: Visit, report: MonthReport, zone: TimeZone) {
    let household = report.current.facts.households[visit.household]
    self.visit = visit.id
    self.household = visit.household
    owner = household.map { report.contacts.name($0.owner) } ?? ""
    phone = household.map { report.contacts.phone($0.owner) } ?? ""
    at = InstantText.minute(visit.at, in: zone)
    channel = visit.channel.rawValue
    kind = visit.kind.rawValue
    steward = visit.steward
    interviewee = visit.interviewee.rawValue
  }
}
