import Foundation
import Store

/// What reading a fact file gave: the batch to write, or every issue found (then nothing is written).
public struct ImportOutcome: Sendable {
  /// The facts read; write it only when `issues` is empty.
  public var batch = FactBatch()
  /// Every problem, by line.
  public var issues: [ImportIssue] = []
  /// The data rows read.
  public var rows = 0
  /// Rows identical to an earlier row of the file, skipped.
  public var duplicates = 0
  /// The encoding the file was read in.
  public var encoding = TextEncoding.utf8
}

/// Reads a fact file of one kind, checking every row, and turns it into a batch.
public struct FactImporter: Sendable {
  /// The kind of file.
  public let kind: FactFileKind
  /// The file name used in messages.
  public let fileName: String
  /// What rows are checked against.
  public let context: ImportContext

  /// An importer of `kind` files named `fileName` in messages.
  public init(kind: FactFileKind, fileName: String, context: ImportContext) {
    self.kind = kind
    self.fileName = fileName
    self.context = context
  }

  /// Rows read between two chunks handed to `emit`.
  public var chunkRows = 20_000

  /// Where facts read are handed over in chunks: the chunk, and whether the file had no issue so far.
  public typealias Emit = (_ chunk: FactBatch, _ clean: Bool) -> Void

  /// Reads a file's bytes in `encoding` (detected when nil). With `emit`, the facts of the good rows are handed
  /// over in chunks of `chunkRows` rows, and the outcome's batch stays empty.
  public func read(bytes: [UInt8], encoding: TextEncoding? = nil, emit: Emit? = nil) -> ImportOutcome {
    do throws(UndecodableText) {
      let (text, found) = try TextDecoding.decode(bytes, encoding: encoding)
      var outcome = read(text: text, emit: emit)
      outcome.encoding = found
      return outcome
    } catch {
      var outcome = ImportOutcome()
      outcome.issues = [ImportIssue(file: fileName, line: error.line, column: nil, message: error.message)]
      return outcome
    }
  }

  /// Reads one record given by English column key (`visitctl visit record` checks its options this way).
  public func read(fields: [String: String]) -> ImportOutcome {
    let keys = fields.keys.sorted()
    var writer = CSVWriter.verbatim()
    writer.write(keys)
    writer.write(keys.map { fields[$0] ?? "" })
    return read(text: String(decoding: writer.bytes, as: UTF8.self))
  }

  /// Reads a file's text; with `emit`, hands the facts over in chunks as `read(bytes:encoding:emit:)` does.
  public func read(text: String, emit: Emit? = nil) -> ImportOutcome {
    var outcome = ImportOutcome()
    var reader = CSVReader(text)
    do {
      guard let headerRecord = try reader.next() else {
        outcome.issues.append(issue(1, "the file is empty; expected a header line"))
        return outcome
      }
      let header = HeaderMap(headerRecord, kind: kind, file: fileName, issues: &outcome.issues)
      if kind.columns.contains(where: { $0.required && header.position(of: $0.key) == nil }) {
        return outcome
      }
      var parser = RowDispatcher(kind: kind)
      parser.reserve(Self.lineCount(text))
      while let record = try reader.next() {
        outcome.rows += 1
        guard record.fields.count == header.width else {
          outcome.issues.append(
            issue(record.line, "has \(record.fields.count) fields, the header has \(header.width)"))
          continue
        }
        var row = CSVRow(record, header: header, file: fileName)
        if row.isWithinLimits(record) { parser.read(&row, context: context) }
        outcome.issues += row.issues
        if let emit, outcome.rows % chunkRows == 0 { emit(parser.drain(), outcome.issues.isEmpty) }
      }
      parser.finish(into: &outcome)
      if let emit {
        emit(outcome.batch, outcome.issues.isEmpty)
        outcome.batch = FactBatch()
      }
      if !outcome.issues.isEmpty { outcome.batch = FactBatch() }
    } catch let error as CSVSyntaxError {
      outcome.issues.append(issue(error.line, error.message))
    } catch {
      outcome.issues.append(issue(1, "\(error)"))
    }
    return outcome
  }

  /// The number of line feeds in `text`: room enough for its rows.
  private static func lineCount(_ text: String) -> Int {
    var text = text
    return text.withUTF8 { lineCount($0) }
  }

  /// The number of line feeds in `bytes` (of UTF-8 or GB18030 text, where 0x0A is always a line feed).
  static func lineCount(_ bytes: some Sequence<UInt8>) -> Int {
    bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }

  private func issue(_ line: Int, _ message: String) -> ImportIssue {
    ImportIssue(file: fileName, line: line, column: nil, message: message)
  }
}

/// Sends each row to the parser of the file's kind.
private struct RowDispatcher {
  let kind: FactFileKind
  var projects = ProjectRowParser()
  var stewards = StewardRowParser()
  var areas = AreaRowParser()
  var households = HouseholdRowParser()
  var visits = VisitRowParser()

  init(kind: FactFileKind) { self.kind = kind }

  mutating func read(_ row: inout CSVRow, context: ImportContext) {
    switch kind {
    case .projects: projects.read(&row, context: context)
    case .stewards: stewards.read(&row, context: context)
    case .areas: areas.read(&row, context: context)
    case .households: households.read(&row, context: context)
    case .visits: visits.read(&row, context: context)
    }
  }

  /// Room for the keys of `rows` households or visits.
  mutating func reserve(_ rows: Int) {
    switch kind {
    case .households: households.seen.reserve(rows)
    case .visits: visits.seen.reserve(rows)
    default: break
    }
  }

  /// The households and visits read so far, taken out of the parsers (duplicates are still recognised).
  mutating func drain() -> FactBatch {
    var batch = FactBatch()
    swap(&batch.households, &households.households)
    swap(&batch.visits, &visits.visits)
    return batch
  }

  func finish(into outcome: inout ImportOutcome) {
    outcome.batch.projects = projects.projects
    outcome.batch.stewards = stewards.stewards
    outcome.batch.areas = areas.result
    outcome.batch.households = households.households
    outcome.batch.visits = visits.visits
    outcome.duplicates =
      projects.seen.duplicates + stewards.seen.duplicates + areas.seen.duplicates + households.seen.duplicates
      + visits.seen.duplicates
  }
}
