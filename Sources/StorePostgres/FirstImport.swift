import Foundation
import Planner
import Store

/// The households and visits a first import wrote, as reading them back would give them: the re-plan after a
/// bulk load plans from these instead of reading a million households back.
///
/// Decision: after a bulk load that never ended early, every household and visit in the store is one this write
/// sent (the tables were empty, `LoadedKeys` proved each row new, and no correction voids any), so only the
/// small tables need reading. Each value is made exactly what the store's loader would build from its rows:
/// instants through seconds since 1970, tags through their comma-joined column, and a visit's tickets those
/// whose stored row is the visit's (the first visit to raise a number keeps it), by number.
struct FirstImport {
  private var households: [Household] = []
  private var visits: [Visit] = []
  /// The visit whose row holds each ticket number.
  private var ticketVisits: [String: String] = [:]

  /// Remembers the households and visits of a batch the bulk load wrote.
  mutating func add(_ batch: FactBatch) {
    households.append(contentsOf: batch.households)
    for record in batch.visits {
      visits.append(record.visit)
      for number in record.visit.captured.tickets where ticketVisits[number] == nil {
        ticketVisits[number] = record.visit.id
      }
    }
  }

  /// The households as the store reads them back.
  var storedHouseholds: [Household] { households.map(Self.asStored) }

  /// The visits as the store reads them back.
  var storedVisits: [Visit] {
    visits.map { visit in
      var stored = visit
      stored.at = storedInstant(visit.at)
      guard !visit.captured.tickets.isEmpty else { return stored }
      let tickets = Set(visit.captured.tickets.filter { ticketVisits[$0] == visit.id })
      stored.captured.tickets = tickets.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      return stored
    }
  }

  private static func asStored(_ household: Household) -> Household {
    guard !readsBackTheSame(household) else { return household }
    let tags = household.tags.sorted().joined(separator: ",")
    return Household(
      id: household.id, project: household.project, building: household.building, unit: household.unit,
      room: household.room, area: household.area, owner: household.owner,
      tags: tags.isEmpty ? [] : Set(tags.split(separator: ",").map(String.init)),
      states: household.states.map { Dated($0.value, since: storedInstant($0.since)) },
      grades: household.grades.map { Dated($0.value, since: storedInstant($0.since)) },
      events: household.events.map { HouseholdEvent($0.name, at: storedInstant($0.at)) })
  }

  /// Whether every instant and tag of the household reads back as it is (tags are joined with commas).
  private static func readsBackTheSame(_ household: Household) -> Bool {
    household.states.allSatisfy { storedInstant($0.since) == $0.since }
      && household.grades.allSatisfy { storedInstant($0.since) == $0.since }
      && household.events.allSatisfy { storedInstant($0.at) == $0.at }
      && !household.tags.contains { $0.isEmpty || $0.contains(",") }
  }
}

/// An instant as the store reads it back: seconds since 1970 as a double.
private func storedInstant(_ date: Date) -> Date { instant(date.timeIntervalSince1970) }
