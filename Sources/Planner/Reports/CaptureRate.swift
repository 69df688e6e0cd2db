import CalendarSpec
import Foundation
import Policy

/// The information-capture rate (信息捕捉率) of one project in one month, exactly as the policy defines it.
///
/// rate = (households whose family/hobby/pet information was added or changed + households whose needs or
/// service feedback were collected) ÷ households interviewed in the month. A household in both terms counts
/// twice, so the rate can exceed 100%; `eitherShare` is the share of households meeting either term.
public struct CaptureRate: Sendable, Hashable, Codable {
  /// The project.
  public let project: String
  /// The month.
  public let month: YearMonth
  /// Households with at least one reached visit in the month.
  public let interviewed: Int
  /// Households whose owner or family information was added or changed by a visit in the month.
  public let infoHouseholds: Int
  /// Households whose needs or feedback were collected by a visit in the month.
  public let feedbackHouseholds: Int
  /// Households meeting either term.
  public let eitherHouseholds: Int

  /// (info + feedback) ÷ interviewed; 0 when nobody was interviewed.
  public var rate: Double {
    interviewed == 0 ? 0 : Double(infoHouseholds + feedbackHouseholds) / Double(interviewed)
  }

  /// Households meeting either term ÷ interviewed.
  public var eitherShare: Double { interviewed == 0 ? 0 : Double(eitherHouseholds) / Double(interviewed) }

  /// The capture rate of `project` in `month`, from reached visits up to `until`.
  public init(
    project: String, month: YearMonth, facts: Facts, defaultZone: TimeZone, until: Date = .distantFuture
  ) {
    let scope = ReportScope(
      project: project, month: month, facts: facts, defaultZone: defaultZone, until: until)
    var interviewed = Set<String>()
    var info = Set<String>()
    var feedback = Set<String>()
    for visit in scope.contacts where visit.outcome == .reached {
      interviewed.insert(visit.household)
      if visit.captured.updatesFamilyInfo { info.insert(visit.household) }
      if visit.captured.collectsFeedback { feedback.insert(visit.household) }
    }
    self.project = project
    self.month = month
    self.interviewed = interviewed.count
    infoHouseholds = info.count
    feedbackHouseholds = feedback.count
    eitherHouseholds = info.union(feedback).count
  }
}

extension CaptureRate {
  private enum Keys: String, CodingKey {
    case project, month, interviewed, infoHouseholds, feedbackHouseholds, eitherHouseholds, rate, eitherShare
  }

  /// Decodes the counts; `rate` and `eitherShare` follow from them.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: Keys.self)
    project = try c.decode(String.self, forKey: .project)
    month = try c.decode(YearMonth.self, forKey: .month)
    interviewed = try c.decode(Int.self, forKey: .interviewed)
    infoHouseholds = try c.decode(Int.self, forKey: .infoHouseholds)
    feedbackHouseholds = try c.decode(Int.self, forKey: .feedbackHouseholds)
    eitherHouseholds = try c.decode(Int.self, forKey: .eitherHouseholds)
  }

  /// Encodes the counts with the rate and the either-share as numbers, so that readers of `--json` need not
  /// recompute them.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: Keys.self)
    try c.encode(project, forKey: .project)
    try c.encode(month, forKey: .month)
    try c.encode(interviewed, forKey: .interviewed)
    try c.encode(infoHouseholds, forKey: .infoHouseholds)
    try c.encode(feedbackHouseholds, forKey: .feedbackHouseholds)
    try c.encode(eitherHouseholds, forKey: .eitherHouseholds)
    try c.encode(rate, forKey: .rate)
    try c.encode(eitherShare, forKey: .eitherShare)
  }
}
