/// Where a table is in a file, both to name it in messages and to find its lines.
struct TableRef: Hashable, Sendable {
  /// How the table is written in the file.
  enum Form: Hashable, Sendable {
    /// The root table, before any header.
    case root
    /// A `[name]` header (or an inline `name = { … }` at the root).
    case table(String)
    /// The `index`-th (1-based) `[[name]]` header.
    case arrayTable(String, Int)
    /// The `index`-th (1-based) inline table of the root key `name = [ {…}, … ]`.
    case inlineElement(String, Int)
  }

  /// How the table is written.
  let form: Form

  /// The root table.
  static let root = TableRef(form: .root)

  /// The key path of `key` in this table, or the table's own name when `key` is nil.
  func path(_ key: String?) -> String? {
    let prefix: String?
    switch form {
    case .root: prefix = nil
    case .table(let name): prefix = "[\(name)]"
    case .arrayTable(let name, let index): prefix = "[[\(name)]][\(index)]"
    case .inlineElement(let name, let index): prefix = "\(name)[\(index)]"
    }
    guard let prefix else { return key }
    return key.map { "\(prefix).\($0)" } ?? prefix
  }
}

/// A table's values together with where it is.
struct Section {
  /// Where the table is.
  let ref: TableRef
  /// Its keys and values.
  let values: [String: TOMLNode]
}
