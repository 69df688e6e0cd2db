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
