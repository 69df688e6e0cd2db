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
}
