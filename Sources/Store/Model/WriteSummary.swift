/// What a write changed: rows added and updated per table, and the households whose plan it concerns.
public struct WriteSummary: Sendable, Hashable, Codable {
  /// Rows added, by table.
  public var added: [String: Int] = [:]
  /// Rows updated, by table.
  public var updated: [String: Int] = [:]
  /// The households to re-plan, sorted.
  public var affectedHouseholds: [String] = []
  /// Whether the write was rolled back (`--dry-run`).
  public var dryRun = false

  /// An empty summary.
  public init() {}

  /// Whether the write changed nothing.
  public var isEmpty: Bool { added.values.allSatisfy { $0 == 0 } && updated.values.allSatisfy { $0 == 0 } }

  /// Counts `times` rows of `table` as added, or as updated when not `isNew`.
  public mutating func count(_ table: String, added isNew: Bool, times: Int = 1) {
    if isNew { added[table, default: 0] += times } else { updated[table, default: 0] += times }
  }
}
