import CalendarSpec
import Foundation

/// Company-wide settings that rules and reports share.
public struct Settings: Sendable, Hashable {
  /// The zone every rule and schedule is evaluated in unless a project names its own.
  public var timeZone: TimeZone
  /// The default daily window for in-home visits and the policy outside it.
  public var visitingWindow: VisitingWindow
  /// The satisfaction dimensions a visit rates 1 to 5, in display order.
  public var dimensions: [Label]
  /// The categories feedback is filed under, in display order.
  public var feedbackCategories: [Label]

  /// Settings from their parts.
  public init(
    timeZone: TimeZone, visitingWindow: VisitingWindow, dimensions: [Label], feedbackCategories: [Label]
  ) {
    self.timeZone = timeZone
    self.visitingWindow = visitingWindow
    self.dimensions = dimensions
    self.feedbackCategories = feedbackCategories
  }
}

/// An identifier with the label people read (`cleaning` → 卫生).
public struct Label: Sendable, Hashable {
  /// The identifier used in files, CSV and the command line.
  public var id: String
  /// The name shown to people.
  public var title: String

  /// A label from its identifier and display name.
  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }
}
