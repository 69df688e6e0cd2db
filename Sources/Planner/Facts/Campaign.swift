import CalendarSpec

/// An ad-hoc obligation over a project or some of its buildings, inside a window (a campaign rule's task source).
public struct Campaign: Sendable, Hashable, Identifiable {
  /// The campaign's id.
  public var id: String
  /// The campaign rule whose selector, channels and kind apply.
  public var rule: String
  /// The project id.
  public var project: String
  /// The buildings concerned; nil means the whole project.
  public var buildings: Set<String>?
  /// The window's first day.
  public var from: LocalDate
  /// The window's last day.
  public var to: LocalDate

  /// A campaign from its parts.
  public init(
    id: String, rule: String, project: String, buildings: Set<String>? = nil, from: LocalDate,
    to: LocalDate
  ) {
    self.id = id
    self.rule = rule
    self.project = project
    self.buildings = buildings
    self.from = from
    self.to = to
  }

  /// Whether the campaign covers a household of `project` in `building`.
  public func covers(project: String, building: String) -> Bool {
    project == self.project && (buildings?.contains(building) ?? true)
  }
}
