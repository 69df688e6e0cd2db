import ArgumentParser
import Foundation
import Planner
import Store

/// Reads a folder of fact CSV files, as `visitctl demo generate` writes them, into memory (no database).
enum FactFolder {
  /// The facts of `directory`: projects, stewards, areas, households and visits files, read in that order.
  static func read(_ directory: String) throws -> Facts {
    var catalog = Catalog()
    var batch = FactBatch()
    for kind in FactFileKind.allCases {
      let path = "\(directory)/\(kind.fileName)"
      guard let data = FileManager.default.contents(atPath: path) else {
        if kind == .stewards || kind == .visits { continue }
        throw ValidationError("cannot read \(path)")
      }
      let context = ImportContext(catalog: catalog, now: .distantFuture)
      let outcome = FactImporter(kind: kind, fileName: kind.fileName, context: context).read(
        bytes: Array(data))
      guard outcome.issues.isEmpty else {
        let shown = outcome.issues.prefix(20).map(\.description).joined(separator: "\n")
        throw ValidationError("\(path): \(outcome.issues.count) problem(s)\n\(shown)")
      }
      catalog.learn(outcome.batch)
      batch.append(outcome.batch)
    }
    return batch.facts
  }
}

extension Catalog {
  /// Adds what a batch defines, so that the next file's rows can refer to it.
  mutating func learn(_ batch: FactBatch) {
    for project in batch.projects { projectZones[project.id] = project.timeZoneIdentifier }
    for steward in batch.stewards { stewards.insert(steward.id) }
    for area in batch.areas { areas[area.id] = (area.project, area.buildings) }
    for household in batch.households { households[household.id] = household.project }
    for record in batch.visits {
      for number in record.visit.captured.tickets { tickets[number] = record.visit.household }
    }
  }
}

extension FactBatch {
  /// Appends another file's facts.
  mutating func append(_ other: FactBatch) {
    projects += other.projects
    stewards += other.stewards
    areas += other.areas
    households += other.households
    visits += other.visits
  }

  /// The batch as planner facts; tickets come from the visits that raised them.
  var facts: Facts {
    let visits = self.visits.map(\.visit)
    let tickets = visits.flatMap { visit in
      visit.captured.tickets.map { Ticket(number: $0, household: visit.household, visit: visit.id) }
    }
    return Facts(
      projects: projects, stewards: stewards, areas: areas, households: households, visits: visits,
      tickets: tickets, campaigns: campaigns, waivers: waivers)
  }
}
