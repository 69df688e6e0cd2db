import Foundation

/// Households by code: the households in one array, their contacts beside them, and an index of positions.
///
/// A dictionary of whole households keeps a 176-byte value in every one of its buckets (about twice as many as
/// households); this keeps each household once and only a position per bucket. Contacts live at their
/// household's position, so planning a household looks its code up once.
public struct HouseholdTable: Sendable, Equatable {
  private var rows: [Household]
  private var positions: [String: Int]
  /// Each row's contacts, in time order.
  private var contacts: [[Visit]]
  /// Contacts of households not (yet) in the table, by household code.
  private var strayContacts: [String: [Visit]] = [:]

  /// A table of `households` (kept as given, not copied, when their codes are unique); a later household with
  /// the code of an earlier one replaces it.
  public init(_ households: [Household] = []) {
    rows = households
    positions = Dictionary(minimumCapacity: households.count)
    contacts = Array(repeating: [], count: households.count)
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
    contacts = []
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
    contacts.append(strayContacts.removeValue(forKey: key) ?? [])
    return nil
  }

  /// Whether both hold the same households, whatever their order.
  public static func == (lhs: HouseholdTable, rhs: HouseholdTable) -> Bool {
    lhs.count == rhs.count && lhs.rows.allSatisfy { rhs[$0.id] == $0 }
  }
}

extension HouseholdTable {
  /// The position of the household with `code`.
  func position(of code: String) -> Int? { positions[code] }

  /// The household at `position`.
  func household(at position: Int) -> Household { rows[position] }

  /// The contacts of the household at `position`, in time order.
  func contacts(at position: Int) -> [Visit] { contacts[position] }

  /// The contacts of the household with `code`, in time order, whether or not the household is known.
  func contacts(of code: String) -> [Visit] {
    if let position = positions[code] { return contacts[position] }
    return strayContacts.isEmpty ? [] : strayContacts[code] ?? []
  }

  /// The latest instant of any contact (each household's are in time order).
  var latestContact: Date? {
    var latest: Date?
    for list in contacts { if let at = list.last?.at, at > latest ?? .distantPast { latest = at } }
    for list in strayContacts.values {
      if let at = list.last?.at, at > latest ?? .distantPast { latest = at }
    }
    return latest
  }

  /// Every contact, households in no particular order, each household's in time order.
  var allContacts: [(household: String, visits: [Visit])] {
    zip(rows, contacts).compactMap { $1.isEmpty ? nil : ($0.id, $1) }
      + strayContacts.map { ($0.key, $0.value) }
  }

  /// Sets every household's contacts from `visits`, each household's sorted by time then id.
  mutating func setContacts(_ visits: [Visit]) {
    for visit in visits {
      if let position = positions[visit.household] {
        contacts[position].append(visit)
      } else {
        strayContacts[visit.household, default: []].append(visit)
      }
    }
    for position in contacts.indices where contacts[position].count > 1 {
      contacts[position].sort(by: HouseholdTable.timeOrder)
    }
    for code in strayContacts.keys { strayContacts[code]?.sort(by: HouseholdTable.timeOrder) }
  }

  /// Adds one contact in its place in its household's time order.
  mutating func add(_ visit: Visit) {
    if let position = positions[visit.household] {
      HouseholdTable.insert(visit, into: &contacts[position])
    } else {
      HouseholdTable.insert(visit, into: &strayContacts[visit.household, default: []])
    }
  }

  private static func insert(_ visit: Visit, into list: inout [Visit]) {
    let place = list.lastIndex { !timeOrder(visit, $0) }.map { $0 + 1 } ?? 0
    list.insert(visit, at: place)
  }

  private static func timeOrder(_ a: Visit, _ b: Visit) -> Bool { (a.at, a.id) < (b.at, b.id) }
}
