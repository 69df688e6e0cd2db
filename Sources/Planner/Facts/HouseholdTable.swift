/// Households by code: the households in one array and an index of their positions.
///
/// A dictionary of whole households keeps a 176-byte value in every one of its buckets (about twice as many as
/// households); this keeps each household once and only a position per bucket.
public struct HouseholdTable: Sendable, Equatable {
  private var rows: [Household]
  private var positions: [String: Int]

  /// A table of `households` (kept as given, not copied, when their codes are unique); a later household with
  /// the code of an earlier one replaces it.
  public init(_ households: [Household] = []) {
    rows = households
    positions = Dictionary(minimumCapacity: households.count)
    for (position, household) in households.enumerated() {
      guard positions.updateValue(position, forKey: household.id) == nil else {
        self = HouseholdTable(replacingDuplicatesOf: households)
        return
      }
    }
  }

  private init(replacingDuplicatesOf households: [Household]) {
    rows = []
    positions = [:]
    for household in households { updateValue(household, forKey: household.id) }
  }

  /// The household with `code`, nil when unknown.
  public subscript(code: String) -> Household? {
    positions[code].map { rows[$0] }
  }

  /// The number of households.
  public var count: Int { rows.count }

  /// Whether there is no household.
  public var isEmpty: Bool { rows.isEmpty }

  /// The household codes, in no particular order.
  public var keys: [String] { rows.map(\.id) }

  /// The households, in no particular order.
  public var values: [Household] { rows }

  /// Adds or replaces the household with code `key`; returns the one it replaced.
  @discardableResult
  public mutating func updateValue(_ household: Household, forKey key: String) -> Household? {
    if let position = positions[key] {
      let previous = rows[position]
      rows[position] = household
      return previous
    }
    positions[key] = rows.count
    rows.append(household)
    return nil
  }

  /// Whether both hold the same households, whatever their order.
  public static func == (lhs: HouseholdTable, rhs: HouseholdTable) -> Bool {
    lhs.count == rhs.count && lhs.rows.allSatisfy { rhs[$0.id] == $0 }
  }
}
