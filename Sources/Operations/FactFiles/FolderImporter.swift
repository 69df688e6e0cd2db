import Foundation
import Store

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
  /// Rows read between two chunks handed to `emit`.
  public var chunkRows = 20_000

  /// An importer of the fact files in `folder`.
  public init(folder: String, context: ImportContext) {
    self.folder = folder
    self.context = context
  }

  /// The kinds whose files `folder` holds, in dependency order.
  public static func kinds(in folder: String) -> [FactFileKind] {
    FactFileKind.allCases.filter { FileManager.default.fileExists(atPath: path(of: $0, in: folder)) }
  }

  /// Reads every present file in `encoding` (detected per file when nil), each checked against the catalog
  /// grown by the good rows of the files before it. With `emit`, the facts are handed over in chunks, in order,
  /// while no issue is found (the outcome's batch stays empty): a writer can store them as they come and roll
  /// back if an issue turns up later.
  public func read(encoding: TextEncoding? = nil, emit: ((FactBatch) -> Void)? = nil) -> FolderOutcome {
    var result = FolderOutcome()
    var catalog = context.catalog
    var clean = true
    for kind in Self.kinds(in: folder) {
      var context = self.context
      context.catalog = catalog
      var importer = FactImporter(kind: kind, fileName: kind.fileName, context: context)
      importer.chunkRows = chunkRows
      guard let data = FileManager.default.contents(atPath: Self.path(of: kind, in: folder)) else {
        result.issues.append(
          ImportIssue(file: kind.fileName, line: 1, column: nil, message: "cannot be read"))
        clean = false
        continue
      }
      let bytes = Array(data)
      if kind == .households {
        catalog.households.reserveCapacity(catalog.households.count + FactImporter.lineCount(bytes))
      }
      let outcome = importer.read(bytes: bytes, encoding: encoding) { chunk, cleanFile in
        catalog.add(chunk)
        clean = clean && cleanFile
        guard clean else { return }
        if let emit { emit(chunk) } else { result.batch.append(chunk) }
      }
      result.issues += outcome.issues
      clean = clean && outcome.issues.isEmpty
      result.files.append((kind, outcome))
    }
    if !result.issues.isEmpty { result.batch = FactBatch() }
    return result
  }

  private static func path(of kind: FactFileKind, in folder: String) -> String {
    (folder as NSString).appendingPathComponent(kind.fileName)
  }
}
