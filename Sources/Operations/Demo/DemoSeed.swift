import CalendarSpec
import Foundation
import Planner
import Policy
import Store

/// Fills an empty database with generated demo facts, so that `make run` shows the policy at work.
public enum DemoSeed {
  /// The demo's size: a few projects, a few hundred households.
  public static let projects = 3
  /// Households over all demo projects.
  public static let households = 600

  /// Imports demo facts (seed 1, up to yesterday) in one transaction when the store holds no household;
  /// returns whether it did.
  public static func seedIfEmpty(_ store: any FactStore, rules: RuleSet, now: Date) throws -> Bool {
    guard try store.read({ try $0.householdCount() }) == 0 else { return false }
    // Facts up to yesterday: the generator dates visits through the whole of its last day, and a fact in the
    // future is refused.
    let yesterday = LocalDate(now, in: rules.settings.timeZone).adding(days: -1)
    let files = DemoGenerator(projects: projects, households: households, seed: 1, asOf: yesterday).generate()
    var catalog = try store.catalog(withHouseholds: true)
    var all = FactBatch()
    for kind in FactFileKind.allCases {
      guard let bytes = files[kind] else { continue }
      let context = ImportContext(
        catalog: catalog, now: now, dimensions: rules.settings.dimensions,
        categories: rules.settings.feedbackCategories)
      let outcome = FactImporter(kind: kind, fileName: kind.fileName, context: context).read(bytes: bytes)
      guard outcome.issues.isEmpty else {
        throw OperationError("demo \(kind.fileName): \(outcome.issues.first.map { "\($0)" } ?? "")")
      }
      catalog.add(outcome.batch)
      all.append(outcome.batch)
    }
    try store.write(all)
    return true
  }
}
