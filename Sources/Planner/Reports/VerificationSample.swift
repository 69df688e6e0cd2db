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
  /// Reproducible: seeded by `project/month` with SplitMix64. Stratified by steward, drawn without replacement.
  ///
  /// Decision: every steward with a reached visit in the month gets at least one sampled visit, so that no
  /// steward's visits escape verification; the sample grows to one per steward when there are more stewards than
  /// `perProject`. Beyond that, shares are proportional to the stewards' visits (largest remainders), a steward
  /// left with none taking one from the steward whose share most exceeds its exact quota.
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
    let total = min(max(size.perProject, stewards.count), visits.count)
    let shares = VerificationSample.shares(of: total, counts: counts)
    var generator = SplitMix64(seeding: "\(project)/\(month)")
    var sample: [Visit] = []
    for (steward, share) in zip(stewards, shares) {
      var pool = (bySteward[steward] ?? []).sorted { $0.id < $1.id }
      for index in 0..<share {
        pool.swapAt(index, index + generator.below(pool.count - index))
      }
      sample += pool.prefix(share).sorted { $0.id < $1.id }
    }
    self.project = project
    self.month = month
    self.visits = sample
  }

  /// Shares of `total` (at least one per count) proportional to `counts` (each at least 1), none above its count.
  static func shares(of total: Int, counts: [Int]) -> [Int] {
    var shares = MonthTargets.apportion(total, weights: counts)
    let sum = counts.reduce(0, +)
    while let empty = shares.firstIndex(of: 0) {
      // The excess over the exact quota total × count ÷ sum, compared without dividing.
      let excess = { (index: Int) in shares[index] * sum - total * counts[index] }
      guard
        let donor = shares.indices.filter({ shares[$0] > 1 }).max(by: { (excess($0), $1) < (excess($1), $0) })
      else { break }
      shares[donor] -= 1
      shares[empty] = 1
    }
    return shares
  }
}
