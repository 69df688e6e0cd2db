/// Everything the planner plans from, indexed by household so that one household's facts are cheap to reach.
public struct Facts: Sendable {
  /// Projects by id.
  public internal(set) var projects: [String: Project]
  /// Stewards by id.
  public internal(set) var stewards: [String: Steward]
  /// Areas by id.
  public internal(set) var areas: [String: Area]
  /// Households by code.
  public internal(set) var households: HouseholdTable
  /// Campaigns, by id order.
  public internal(set) var campaigns: [Campaign]
  var ticketsByHousehold: [String: [Ticket]]
  var waiversByHousehold: [String: [Waiver]]
  /// The positions in `households` of each project's households, sorted by code.
  var positionsByProject: [String: [Int]]

  /// Facts from their parts, indexed; input order does not matter.
  public init(
    projects: [Project], stewards: [Steward] = [], areas: [Area], households: [Household],
    visits: [Visit] = [], tickets: [Ticket] = [], campaigns: [Campaign] = [], waivers: [Waiver] = []
  ) {
    self.projects = Facts.index(projects, by: \.id)
    self.stewards = Facts.index(stewards, by: \.id)
    self.areas = Facts.index(areas, by: \.id)
    self.households = HouseholdTable(households)
    self.households.setContacts(visits)
    self.campaigns = campaigns.sorted { $0.id < $1.id }
    ticketsByHousehold = Dictionary(grouping: tickets, by: \.household).mapValues {
      $0.sorted { $0.number < $1.number }
    }
    waiversByHousehold = Dictionary(grouping: waivers, by: \.household)
    positionsByProject = [:]
    reindexProjects()
  }

  /// The household codes of a project, sorted.
  public func households(inProject project: String) -> [String] {
    (positionsByProject[project] ?? []).map { households.household(at: $0).id }
  }

  /// The positions in `households` of a project's households, by code.
  func positions(inProject project: String) -> [Int] { positionsByProject[project] ?? [] }

  /// The project ids, sorted.
  public var projectIDs: [String] { projects.keys.sorted() }

  /// The households of an area, sorted by code.
  public func households(inArea area: String) -> [String] {
    guard let project = areas[area]?.project else { return [] }
    return (positionsByProject[project] ?? []).map { households.household(at: $0) }.filter { $0.area == area }
      .map(\.id)
  }

  /// A household's contacts (visits and attempts), in time order.
  public func visits(of household: String) -> [Visit] { households.contacts(of: household) }

  /// A household's tickets, by number.
  public func tickets(of household: String) -> [Ticket] {
    ticketsByHousehold.isEmpty ? [] : ticketsByHousehold[household] ?? []
  }

  /// The waivers of a household's tasks.
  public func waivers(of household: String) -> [Waiver] {
    waiversByHousehold.isEmpty ? [] : waiversByHousehold[household] ?? []
  }

  /// Every contact of every household, by household then time.
  public var allVisits: [Visit] {
    households.allContacts.sorted { $0.household < $1.household }.flatMap(\.visits)
  }

  /// All waivers, by task id.
  public var allWaivers: [Waiver] { waiversByHousehold.values.joined().sorted { $0.task < $1.task } }

  /// All tickets, by number.
  public var allTickets: [Ticket] { ticketsByHousehold.values.joined().sorted { $0.number < $1.number } }

  private static func index<Value>(_ values: [Value], by id: KeyPath<Value, String>) -> [String: Value] {
    var result: [String: Value] = [:]
    result.reserveCapacity(values.count)
    for value in values { result[value[keyPath: id]] = value }
    return result
  }

  private mutating func reindexProjects() {
    var index: [String: [Int]] = [:]
    let rows = households.values
    for (position, household) in rows.enumerated() { index[household.project, default: []].append(position) }
    for key in index.keys { index[key]?.sort { rows[$0].id < rows[$1].id } }
    positionsByProject = index
  }
}
