import CalendarSpec
import Foundation
import Policy

/// The month's random sample of a project's completed visits that operations calls back (抽样验证).
public struct VerificationSample: Sendable, Hashable, Encodable {
  /// The project.
  public let project: String
  /// The month.
  public let month: YearMonth
  /// The sampled visits, by steward then visit id.
  public let visits: [Visit]

  /// The sample of `size.perProject` reached visits of `project` in `month` (all of them when fewer).
  ///
  /// Reproducible: seeded by `project/month` with SplitMix64. Stratified by steward: each steward's share of the
  /// sample is proportional to their share of the visits (largest remainders), drawn without replacement.
  public init(
    project: String, month: YearMonth, facts: Facts, rules: RuleSet, size: Sample,
    until: Date = .distantFuture
  ) {
    let scope = ReportScope(
      project: project, month: month, facts: facts, defaultZone: rules.settings.timeZone, until: until)
    let visits = scope.contacts.filter { $0.outcome == .reached }
    let bySteward = Dictionary(grouping: visits, by: \.steward)
    let stewards = bySteward.keys.sorted()
    let counts = stewards.map { bySteward[$0]?.count ?? 0 }
    let shares = MonthTargets.apportion(min(size.perProject, visits.count), weights: counts)
    var generator = SplitMix64(seeding: "\(project)/\(month)")
    var sample: [Visit] = []
    for (steward, share) in zip(stewards, shares) {
      var pool = (bySteward[steward] ?? []).sorted { $0.id < $1.id }
      for index in 0..<share {
        pool.swapAt(index, index + Int(generator.next() % UInt64(pool.count - index)))
      }
      sample += pool.prefix(share).sorted { $0.id < $1.id }
    }
    self.project = project
    self.month = month
    self.visits = sample
  }
}
