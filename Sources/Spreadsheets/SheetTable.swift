/// One worksheet's content: a name, a header row and rows of text cells.
public struct SheetTable: Sendable, Hashable {
  /// The sheet's name (made fit for Excel when written: at most 31 characters, none of `[]:*?/\`).
  public var name: String
  /// The header row, shown bold and frozen.
  public var headers: [String]
  /// The rows, each as many cells as it has (extra cells past the headers are written too).
  public var rows: [[String]]

  /// A sheet named `name` of `headers` and `rows`.
  public init(name: String, headers: [String], rows: [[String]]) {
    self.name = name
    self.headers = headers
    self.rows = rows
  }
}
