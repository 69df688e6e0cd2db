import Foundation

/// An area (管辖区域): some buildings of a project and the stewards who covered it over time.
public struct Area: Sendable, Hashable, Codable, Identifiable {
  /// The area's id.
  public var id: String
  /// The project the area belongs to.
  public var project: String
  /// The buildings (楼栋) of the area.
  public var buildings: [String]
  /// Who covered the area since when, oldest first; every entry after the first is a steward change.
  public var stewards: [StewardAssignment]

  /// An area from its parts; assignments are kept in time order.
  public init(id: String, project: String, buildings: [String], stewards: [StewardAssignment]) {
    self.id = id
    self.project = project
    self.buildings = buildings
    self.stewards = stewards.sorted { $0.since < $1.since }
  }

  /// The steward in charge at `instant`; the first one before any assignment.
  public func steward(at instant: Date) -> String? {
    stewards.last { $0.since <= instant }?.steward ?? stewards.first?.steward
  }

  /// The instants at which the area's steward changed (every assignment after the first).
  public var changes: ArraySlice<StewardAssignment> { stewards.dropFirst() }
}

/// A steward taking over an area at an instant.
public struct StewardAssignment: Sendable, Hashable, Codable {
  /// The steward's id.
  public var steward: String
  /// When the steward took over.
  public var since: Date

  /// An assignment of `steward` since `since`.
  public init(steward: String, since: Date) {
    self.steward = steward
    self.since = since
  }
}
