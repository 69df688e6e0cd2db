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
  var visitsByHousehold: [String: [Visit]]
  var ticketsByHousehold: [String: [Ticket]]
  var waiversByHousehold: [String: [Waiver]]
  var householdsByProject: [String: [String]]

  /// Facts from their parts, indexed; input order does not matter.
  public init(
    projects: [Project], stewards: [Steward] = [], areas: [Area], households: [Household],
    visits: [Visit] = [], tickets: [Ticket] = [], campaigns: [Campaign] = [], waivers: [Waiver] = []
  ) {
    self.projects = Facts.index(projects, by: \.id)
    self.stewards = Facts.index(stewards, by: \.id)
    self.areas = Facts.index(areas, by: \.id)
    self.households = HouseholdTable(households)
    self.campaigns = campaigns.sorted { $0.id < $1.id }
    var visitsByHousehold: [String: [Visit]] = [:]
    for visit in visits { visitsByHousehold[visit.household, default: []].append(visit) }
    for key in visitsByHousehold.keys where (visitsByHousehold[key]?.count ?? 0) > 1 {
      visitsByHousehold[key]?.sort { ($0.at, $0.id) < ($1.at, $1.id) }
    }
    self.visitsByHousehold = visitsByHousehold
    ticketsByHousehold = Dictionary(grouping: tickets, by: \.household).mapValues {
      $0.sorted { $0.number < $1.number }
    }
    waiversByHousehold = Dictionary(grouping: waivers, by: \.household)
    householdsByProject = [:]
    reindexProjects()
  }

  /// The household codes of a project, sorted.
  public func households(inProject project: String) -> [String] { householdsByProject[project] ?? [] }

  /// The project ids, sorted.
  public var projectIDs: [String] { projects.keys.sorted() }

  /// The households of an area, sorted by code.
  public func households(inArea area: String) -> [String] {
    guard let project = areas[area]?.project else { return [] }
    return households(inProject: project).filter { households[$0]?.area == area }
  }

  /// A household's contacts (visits and attempts), in time order.
  public func visits(of household: String) -> [Visit] { visitsByHousehold[household] ?? [] }

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
    visitsByHousehold.keys.sorted().flatMap { visitsByHousehold[$0] ?? [] }
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

  static func ordered(_ visits: [Visit]) -> [Visit] {
    visits.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
  }

  private mutating func reindexProjects() {
    var index: [String: [String]] = [:]
    for household in households.values { index[household.project, default: []].append(household.id) }
    for key in index.keys { index[key]?.sort() }
    householdsByProject = index
  }
}
