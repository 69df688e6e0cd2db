import ArgumentParser
import Foundation
import Operations
import Store

/// `visitctl import KIND FILE.csv` or `visitctl import all FOLDER`: reads fact files, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import projects, stewards, areas, households or visits from a CSV file (all or nothing).",
    discussion: """
      Import in this order: projects, stewards, areas, households, visits. `import all FOLDER` reads the \
      files of that order present in FOLDER (projects.csv … visits.csv, as `demo generate` writes them) as \
      one change with one re-plan. See docs/csv.md.
      """)

  @Argument(help: "projects, stewards, areas, households, visits, or all (every file of a folder).")
  var kind: String

  @Argument(help: "The CSV file (UTF-8 with or without BOM, or GB18030/GBK); a folder for `all`.")
  var file: String

  @OptionGroup var store: WriteOptions

  @Flag(help: "Check the file and show what would change, writing nothing.")
  var dryRun = false

  @Option(help: "utf-8 or gb18030 (gbk); detected when absent.")
  var encoding: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    let encoding = try self.encoding.map { name in
      guard let found = TextEncoding(name: name) else { throw ValidationError("unknown encoding \(name)") }
      return found
    }
    if kind == "all" { return try importFolder(encoding: encoding) }
    guard let kind = FactFileKind(rawValue: kind) else {
      throw ValidationError(
        "'\(kind)' is not a fact file kind; expected projects, stewards, areas, households, visits or all")
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationError("cannot read \(file)")
    }
    let recording = try store.recording()
    let (outcome, recorded) = try recording.importFile(
      kind, bytes: Array(data), fileName: (file as NSString).lastPathComponent, encoding: encoding,
      dryRun: dryRun)
    try report(outcome.issues)
    report(outcome, file: file)
    if let recorded { try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json) }
  }

  /// `import all FOLDER`: every present fact file, checked in order and written as one change.
  private func importFolder(encoding: TextEncoding?) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), isFolder.boolValue else {
      throw ValidationError("\(file) is not a folder; `import all` reads projects.csv … visits.csv from one")
    }
    let kinds = FolderImporter.kinds(in: file)
    guard !kinds.isEmpty else {
      throw ValidationError(
        "\(file) holds none of \(FactFileKind.allCases.map(\.fileName).joined(separator: ", "))")
    }
    let recording = try store.recording()
    let result = try recording.importFolder(file, encoding: encoding, dryRun: dryRun)
    try report(result.outcome.issues)
    for (kind, read) in result.outcome.files {
      report(read, file: (file as NSString).appendingPathComponent(kind.fileName))
    }
    guard let summary = result.summary else { return }
    let recorded = RecordedFacts(summary: summary, update: result.update, visits: [])
    try FactWrite.report(recorded, databasePath: store.store.resolvedPath, json: json)
  }

  private func report(_ issues: [ImportIssue]) throws {
    guard !issues.isEmpty else { return }
    if json {
      print(try JSONText.encode(issues))
    } else {
      for issue in issues { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
      FileHandle.standardError.write(Data("\(issues.count) problem(s); nothing was imported\n".utf8))
    }
    throw ExitCode.failure
  }

  private func report(_ outcome: ImportOutcome, file: String) {
    guard !json else { return }
    let duplicates = outcome.duplicates > 0 ? ", \(outcome.duplicates) duplicate row(s) skipped" : ""
    print("\(file): \(outcome.rows) row(s) read as \(outcome.encoding.rawValue)\(duplicates)")
  }
}
