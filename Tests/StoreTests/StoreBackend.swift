import Foundation
import Planner
import Store
import StorePostgres
import StoreSQLite
import TestSupport
import Testing

/// What the parameterised store tests use beyond `Storage`: both stores have it.
protocol TestableStore: Storage {
  /// The number of rows of each table.
  func rowCounts() throws -> [String: Int]
  /// Stores tasks outside any plan.
  func save(tasks: [VisitTask]) throws
  /// Applies task changes outside any plan.
  func apply(_ changes: [TaskChange]) throws
}

extension SQLiteStore: TestableStore {}
extension PostgresStore: TestableStore {}

/// The store implementations a parameterised test runs against.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
  /// `SQLiteStore` on a file in the test's folder.
  case sqlite
  /// `PostgresStore` on a fresh database of the test process's PostgreSQL server.
  case postgres

  var testDescription: String { rawValue }

  /// An empty, migrated store of this backend.
  func open(in folder: TempFolder) throws -> any TestableStore {
    switch self {
    case .sqlite: try SQLiteStore(path: folder.database)
    case .postgres: try PostgresStore(url: PostgresServer.freshDatabase())
    }
  }
}

extension Seed {
  /// A store of `backend` holding the seed's facts.
  static func store(_ backend: StoreBackend, in folder: TempFolder) throws -> any TestableStore {
    let store = try backend.open(in: folder)
    try store.write(batch)
    return store
  }
}
