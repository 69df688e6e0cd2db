import Store

/// One problem of an imported file: where (file, line, column) and why.
public struct ImportIssue: Sendable, Hashable, Codable, CustomStringConvertible {
  /// The file name as given.
  public var file: String
  /// The line the record starts on (1 is the header).
  public var line: Int
  /// The column as `状态 (state)`, nil when the problem is the whole row.
  public var column: String?
  /// What is wrong and what was expected.
  public var message: String

  /// An issue at `file:line`, in `column` when given.
  public init(file: String, line: Int, column: String?, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `households.csv:14: column 状态 (state): '空闲' is not a state; expected …`.
  public var description: String {
    if let column { return "\(file):\(line): column \(column): \(message)" }
    return "\(file):\(line): \(message)"
  }
}
