import CalendarSpec
import Foundation
import Planner
import Store

/// Writes realistic synthetic fact files (`visitctl demo generate`): the same options give byte-identical files.
public struct DemoGenerator: Sendable {
  /// The number of projects.
  public var projects: Int
  /// The number of households over all projects.
  public var households: Int
  /// The random seed.
  public var seed: UInt64
  /// The last day facts may fall on (visits, moves); facts are spread over its year.
  public var asOf: LocalDate
  /// On the as-of day no visit falls after this minute of the day (when it is today: nothing in the future);
  /// such a visit falls on the day before at the same time. Nil: the whole day.
  public var latestMinute: Int?

  /// A generator of `households` households over `projects` projects.
  public init(projects: Int, households: Int, seed: UInt64, asOf: LocalDate) {
    self.projects = max(1, projects)
    self.households = max(0, households)
    self.seed = seed
    self.asOf = asOf
  }

  /// The files' contents, by kind, as UTF-8 CSV with Chinese headers.
  public func generate() -> [FactFileKind: [UInt8]] {
    var random = SplitMix64(seed: seed)
    var files = DemoFiles()
    for index in 0..<projects {
      let count = households / projects + (index < households % projects ? 1 : 0)
      var project = DemoProject(index: index, households: count, asOf: asOf, latestMinute: latestMinute)
      project.write(into: &files, random: &random)
    }
    return files.contents
  }

  /// Writes the files into `directory` (created when missing); returns the paths written.
  public func write(to directory: String) throws -> [String] {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var paths: [String] = []
    for (kind, bytes) in generate().sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
      let path = "\(directory)/\(kind.fileName)"
      guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        throw StoreError("cannot write \(path)")
      }
      paths.append(path)
    }
    return paths
  }
}

/// The five CSV writers, headers written.
struct DemoFiles {
  var writers: [FactFileKind: CSVWriter] = [:]

  init() {
    for kind in FactFileKind.allCases {
      var writer = CSVWriter()
      writer.write(kind.columns.map(\.chinese))
      writers[kind] = writer
    }
  }

  mutating func write(_ kind: FactFileKind, _ fields: [String]) { writers[kind]?.write(fields) }

  var contents: [FactFileKind: [UInt8]] { writers.mapValues(\.bytes) }
}
