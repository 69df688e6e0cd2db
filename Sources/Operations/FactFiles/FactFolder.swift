import Foundation
import Planner
import Store

/// Reads a folder of fact CSV files, as `visitctl demo generate` writes them, into memory (no database).
public enum FactFolder {
  /// The facts of `directory`: projects, stewards, areas, households and visits files, read in that order.
  public static func read(_ directory: String) throws -> Facts {
    var catalog = Catalog()
    var batch = FactBatch()
    for kind in FactFileKind.allCases {
      let path = "\(directory)/\(kind.fileName)"
      guard let data = FileManager.default.contents(atPath: path) else {
        if kind == .stewards || kind == .visits { continue }
        throw OperationError("cannot read \(path)")
      }
      let context = ImportContext(catalog: catalog, now: .distantFuture)
      let outcome = FactImporter(kind: kind, fileName: kind.fileName, context: context).read(
        bytes: Array(data))
      guard outcome.issues.isEmpty else {
        let shown = outcome.issues.prefix(20).map(\.description).joined(separator: "\n")
        throw OperationError("\(path): \(outcome.issues.count) problem(s)\n\(shown)")
      }
      catalog.add(outcome.batch)
      batch.append(outcome.batch)
    }
    return batch.facts
  }
}

extension FactBatch {
  /// The batch's facts indexed for the planner, tickets taken from the visits that raised them.
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
