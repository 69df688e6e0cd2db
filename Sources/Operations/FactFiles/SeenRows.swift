import Store

/// The key of every row of a file read so far, with its line and signature: tells an identical duplicate row
/// (skipped and counted) from another row with the same key (an issue).
struct SeenRows {
  private var rows: [String: (line: Int, signature: Int)] = [:]
  /// How many identical duplicate rows were skipped.
  private(set) var duplicates = 0

  /// Room for `count` keys, so that a file of a million rows does not rehash as it grows.
  mutating func reserve(_ count: Int) { rows.reserveCapacity(count) }

  /// Whether `key` is new; on a repeat, counts an identical row, or records on `row` (in column `column`) that
  /// `what` is also on the earlier line with other values.
  mutating func isNew(_ key: String, _ row: inout CSVRow, column: String, what: @autoclosure () -> String)
    -> Bool
  {
    let signature = row.signature
    guard let earlier = rows.updateValue((row.line, signature), forKey: key) else { return true }
    rows[key] = earlier
    if earlier.signature == signature {
      duplicates += 1
    } else {
      row.fail(column, "\(what()) is also on line \(earlier.line) with other values")
    }
    return false
  }
}
