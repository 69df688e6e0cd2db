import ArgumentParser
import Foundation
import Store

/// `visitctl import KIND FILE.csv`: reads a fact file, all or nothing.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import projects, stewards, areas, households or visits from a CSV file (all or nothing).",
    discussion: "Import in this order: projects, stewards, areas, households, visits. See docs/csv.md.")

  @Argument(help: "projects, stewards, areas, households or visits.")
  var kind: String

  @Argument(help: "The CSV file (UTF-8 with or without BOM, or GB18030/GBK).")
  var file: String

  @OptionGroup var store: WriteOptions

  @Flag(help: "Check the file and show what would change, writing nothing.")
  var dryRun = false

  @Option(help: "utf-8 or gb18030 (gbk); detected when absent.")
  var encoding: String?

  @Flag(help: "Print the result as JSON.")
  var json = false

  func run() throws {
    guard let kind = FactFileKind(rawValue: kind) else {
      throw ValidationError(
        "'\(kind)' is not a fact file kind; expected projects, stewards, areas, households or visits")
    }
    let encoding = try self.encoding.map { name in
      guard let found = TextEncoding(name: name) else { throw ValidationError("unknown encoding \(name)") }
      return found
    }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw ValidationError("cannot read \(file)")
    }
    let database = try store.open()
    let context = ImportContext(catalog: try database.catalog(withHouseholds: kind == .visits), now: Date())
    let importer = FactImporter(kind: kind, fileName: (file as NSString).lastPathComponent, context: context)
    let outcome = importer.read(bytes: Array(data), encoding: encoding)
    try report(outcome)
    try FactWrite.run(outcome.batch, store: database, rules: store.rules, dryRun: dryRun, json: json)
  }

  private func report(_ outcome: ImportOutcome) throws {
    guard outcome.issues.isEmpty else {
      if json {
        print(try JSONText.encode(outcome.issues))
      } else {
        for issue in outcome.issues { FileHandle.standardError.write(Data("\(issue)\n".utf8)) }
        FileHandle.standardError.write(
          Data("\(outcome.issues.count) problem(s); nothing was imported\n".utf8))
      }
      throw ExitCode.failure
    }
    guard !json else { return }
    let duplicates = outcome.duplicates > 0 ? ", \(outcome.duplicates) duplicate row(s) skipped" : ""
    print("\(file): \(outcome.rows) row(s) read as \(outcome.encoding.rawValue)\(duplicates)")
  }
}
