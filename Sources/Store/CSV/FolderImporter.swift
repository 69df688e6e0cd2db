import Foundation

/// What reading a folder of fact files gave: one batch for all of them, or every issue of every file.
public struct FolderOutcome: Sendable {
  /// The facts of every file, in dependency order; write it only when `issues` is empty.
  public var batch = FactBatch()
  /// Every problem, by file and line.
  public var issues: [ImportIssue] = []
  /// What each file read gave (its batch left out), in the order read.
  public var files: [(kind: FactFileKind, outcome: ImportOutcome)] = []
}

/// Reads the fact files of a folder (`projects.csv` … `visits.csv`, those present) as one import: each file is
/// checked against the catalog grown by the files before it, so a folder `visitctl demo generate` wrote imports
/// as one change with one re-plan.
public struct FolderImporter: Sendable {
  /// The folder.
  public let folder: String
  /// What the first file is checked against.
  public let context: ImportContext

  /// An importer of the fact files in `folder`.
  public init(folder: String, context: ImportContext) {
    self.folder = folder
    self.context = context
  }

  /// The kinds whose files `folder` holds, in dependency order.
  public static func kinds(in folder: String) -> [FactFileKind] {
    FactFileKind.allCases.filter { FileManager.default.fileExists(atPath: path(of: $0, in: folder)) }
  }

  /// Reads every present file in `encoding` (detected per file when nil).
  public func read(encoding: TextEncoding? = nil) -> FolderOutcome {
    var result = FolderOutcome()
    var context = self.context
    for kind in Self.kinds(in: folder) {
      let importer = FactImporter(kind: kind, fileName: kind.fileName, context: context)
      guard let data = FileManager.default.contents(atPath: Self.path(of: kind, in: folder)) else {
        result.issues.append(
          ImportIssue(file: kind.fileName, line: 1, column: nil, message: "cannot be read"))
        continue
      }
      var outcome = importer.read(bytes: Array(data), encoding: encoding)
      result.issues += outcome.issues
      context.catalog.add(outcome.batch)
      result.batch.append(outcome.batch)
      outcome.batch = FactBatch()
      result.files.append((kind, outcome))
    }
    if !result.issues.isEmpty { result.batch = FactBatch() }
    return result
  }

  private static func path(of kind: FactFileKind, in folder: String) -> String {
    (folder as NSString).appendingPathComponent(kind.fileName)
  }
}
