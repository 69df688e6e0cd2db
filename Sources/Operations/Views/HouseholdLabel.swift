import Planner

/// Where a household is and whose it is, as listings show it.
public struct HouseholdLabel: Encodable, Sendable {
  /// The household code.
  public let household: String
  /// The project.
  public let project: String
  /// Building, unit and room, e.g. `3栋 2-1203`.
  public let place: String
  /// The owner as shown.
  public let owner: String
  /// The phone as shown.
  public let phone: String

  /// Where `household` is, its owner shown as `contacts` says.
  public init(_ household: Household, contacts: ContactStyle) {
    self.household = household.id
    project = household.project
    let room = [household.unit, household.room].filter { !$0.isEmpty }.joined(separator: "-")
    place = [household.building, room].filter { !$0.isEmpty }.joined(separator: " ")
    owner = contacts.name(household.owner)
    phone = contacts.phone(household.owner)
  }

  /// `H1 (P001 3栋 2-1203，业主 张*，138****5678)`.
  public var line: String { "\(household) (\(project) \(place)，业主 \(owner)，\(phone))" }
}
