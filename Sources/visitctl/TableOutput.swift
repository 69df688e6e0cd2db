import Foundation
import Operations

/// How a command prints tables: aligned text, CSV with a BOM (Excel opens it as UTF-8), or JSON.
enum TableOutput {
  /// Prints tables as text, separated by blank lines.
  static func printText(_ tables: [TextTable]) {
    print(tables.map(\.text).joined(separator: "\n\n"))
  }

  /// Writes a report's tables as one UTF-8 CSV document with a BOM.
  static func writeCSV(_ output: ReportOutput) {
    FileHandle.standardOutput.write(Data(output.csv))
  }
}
