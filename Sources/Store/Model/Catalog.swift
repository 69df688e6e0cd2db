/// What the store already knows, for validating input before writing it.
public struct Catalog: Sendable {
  /// Time zone identifiers by project id.
  public var projectZones: [String: String] = [:]
  /// Areas by id: their project and buildings.
  public var areas: [String: (project: String, buildings: [String])] = [:]
  /// Steward ids.
  public var stewards: Set<String> = []
  /// Project ids by household code; filled only when asked for.
  public var households: [String: String] = [:]
  /// Household codes by ticket number; filled only when asked for.
  public var tickets: [String: String] = [:]

  /// An empty catalog.
  public init() {}

  /// Adds what `batch` introduces, so that later files of one import can refer to it.
  public mutating func add(_ batch: FactBatch) {
    for project in batch.projects { projectZones[project.id] = project.timeZoneIdentifier }
    for area in batch.areas { areas[area.id] = (area.project, area.buildings) }
    stewards.formUnion(batch.stewards.map(\.id))
    for household in batch.households { households[household.id] = household.project }
    for record in batch.visits {
      for number in record.visit.captured.tickets { tickets[number] = record.visit.household }
    }
  }
}
