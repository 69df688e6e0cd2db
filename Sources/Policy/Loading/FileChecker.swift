import CalendarSpec

/// Reads typed values out of one file's tables, collecting a problem for everything that is wrong.
struct FileChecker {
  /// The file's path, as messages name it.
  let file: String
  private let locator: LineLocator
  /// The problems found so far.
  private(set) var problems: [PolicyProblem] = []

  /// A checker for `file`, whose text is `text`.
  init(file: String, text: String) {
    self.file = file
    locator = LineLocator(text: text)
  }

  /// Records a problem with `key` of `table` (or with the table itself), at the line of `value` when given.
  mutating func report(_ table: TableRef, _ key: String?, _ message: String, value: String? = nil) {
    let line = locator.line(of: table, key: key, value: value)
    problems.append(PolicyProblem(file: file, line: line, key: table.path(key), message: message))
  }

  /// Records a problem with the whole file.
  mutating func reportFile(_ message: String, line: Int? = nil) {
    problems.append(PolicyProblem(file: file, line: line, key: nil, message: message))
  }

  /// Reports every key of `section` not in `allowed`, suggesting the closest allowed key.
  mutating func allow(_ section: Section, keys allowed: [String]) {
    for key in section.values.keys.sorted() where !allowed.contains(key) {
      let hint = Suggestion.didYouMean(key, in: allowed)
      report(section.ref, key, "unknown key;\(hint) expected \(Suggestion.list(allowed))")
    }
  }

  /// The value of `key`, reporting it when required and absent.
  mutating func value(_ section: Section, _ key: String, required: Bool, expected: String) -> TOMLNode? {
    if let value = section.values[key] { return value }
    if required { report(section.ref, key, "missing required key; expected \(expected)") }
    return nil
  }

  /// Reports that `key` holds the wrong kind of value.
  mutating func wrongType(_ section: Section, _ key: String, expected: String, found: TOMLNode) {
    report(section.ref, key, "expected \(expected), found \(found.kind)")
  }
}
