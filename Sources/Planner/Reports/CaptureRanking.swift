import CalendarSpec
import Foundation
import Policy

/// A project's place in the capture-rate ranking, with its reward or penalty.
public struct RankedProject: Sendable, Hashable, Codable {
  /// The project's capture rate.
  public let rate: CaptureRate
  /// Its place from 1, nil when unranked (too few interviews).
  public let place: Int?
  /// Reward in yuan (top places), 0 otherwise.
  public let reward: Int
  /// Penalty in yuan (last place), 0 otherwise.
  public let penalty: Int
}

/// The monthly ranking of projects by capture rate: top places rewarded, the last penalised.
public struct CaptureRanking: Sendable, Hashable, Codable {
  /// The month.
  public let month: YearMonth
  /// Ranked projects by place, then unranked ones by id.
  public let projects: [RankedProject]

  /// The ranking of every project of `facts` in `month`.
  ///
  /// Decisions: ties are broken by the either-term share, then by project id; the last place gets the penalty
  /// only when more projects are ranked than there are rewards (no project is both rewarded and penalised).
  public init(month: YearMonth, facts: Facts, rules: RuleSet, ranking: Ranking, until: Date = .distantFuture)
  {
    self.month = month
    let rates = facts.projectIDs.map {
      CaptureRate(project: $0, month: month, facts: facts, defaultZone: rules.settings.timeZone, until: until)
    }
    let ranked = rates.filter { $0.interviewed >= ranking.minimumInterviews }.sorted {
      ($1.rate, $1.eitherShare, $0.project) < ($0.rate, $0.eitherShare, $1.project)
    }
    var result = ranked.enumerated().map { index, rate in
      RankedProject(
        rate: rate, place: index + 1, reward: index < ranking.rewards.count ? ranking.rewards[index] : 0,
        penalty: index == ranked.count - 1 && ranked.count > ranking.rewards.count ? ranking.lastPenalty : 0)
    }
    result += rates.filter { $0.interviewed < ranking.minimumInterviews }.map {
      RankedProject(rate: $0, place: nil, reward: 0, penalty: 0)
    }
    projects = result
  }
}
