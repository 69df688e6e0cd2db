import Foundation
import Spreadsheets

/// A monthly report `visitctl report` prints and the API serves.
public enum ReportKind: String, CaseIterable, Sendable {
  /// Each steward's progress against the month's plan, most behind first (抽查).
  case spotCheck = "spot-check"
  /// Visits, attempts, compliance, satisfaction and hot issues per project (月度汇总).
  case summary
  /// The information-capture rate per project, with both terms (信息捕捉率).
  case captureRate = "capture-rate"
  /// Projects ranked by capture rate, with rewards and the penalty (排名).
  case ranking
  /// The reproducible sample of completed visits to call back (抽样验证).
  case sample
  /// Every visit and attempt of the month, one row each (《客服访谈信息登记表》).
  case register

  /// Whether the report reads tasks (else only facts).
  public var needsPlan: Bool { self == .spotCheck || self == .summary }

  /// Computes the report.
  public func build(_ report: MonthReport) -> ReportOutput {
    switch self {
    case .spotCheck: return SpotCheckTables.build(report)
    case .summary: return SummaryTables.build(report)
    case .captureRate: return CaptureTables.rates(report)
    case .ranking: return CaptureTables.ranking(report)
    case .sample: return SampleTables.build(report)
    case .register: return RegisterTables.build(report)
    }
  }
}

/// A computed report: its tables, and the document `--json` prints.
public struct ReportOutput {
  /// Tables for text and CSV.
  public let tables: [TextTable]
  /// The JSON document.
  public let document: any Encodable

  /// The tables as one UTF-8 CSV document with a BOM (so Excel reads it as UTF-8), separated by empty records.
  public var csv: [UInt8] {
    var writer = CSVWriter(bom: true)
    for (index, table) in tables.enumerated() {
      if index > 0 { writer.write([]) }
      table.write(to: &writer)
    }
    return writer.bytes
  }

  /// The tables as worksheets, one each, named by their titles (`sheet N` when untitled).
  public var sheets: [SheetTable] {
    tables.enumerated().map { index, table in
      SheetTable(
        name: table.title.isEmpty ? "sheet \(index + 1)" : table.title, headers: table.headers,
        rows: table.rows)
    }
  }
}
