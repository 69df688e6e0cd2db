/// One problem found in a policy file: where it is, which key, what is wrong and what was expected.
public struct PolicyProblem: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file's path as it was found in the search path.
  public var file: String
  /// The 1-based line, when known.
  public var line: Int?
  /// The key path (`[trigger].within`), or nil for a problem with the whole file.
  public var key: String?
  /// What is wrong and what was expected.
  public var message: String

  /// A problem with `key` of `file`, at `line` when known.
  public init(file: String, line: Int?, key: String?, message: String) {
    self.file = file
    self.line = line
    self.key = key
    self.message = message
  }

  /// `file:line: key: message`, leaving out what is unknown.
  public var description: String {
    var text = file
    if let line { text += ":\(line)" }
    if let key { text += ": \(key)" }
    return text + ": " + message
  }
}

/// Every problem found while loading a rule set; thrown when there is at least one.
public struct PolicyProblems: Error, Sendable, CustomStringConvertible {
  /// The problems, by file then line.
  public var problems: [PolicyProblem]

  /// A collection of problems.
  public init(_ problems: [PolicyProblem]) { self.problems = problems }

  /// One problem a line.
  public var description: String { problems.map(\.description).joined(separator: "\n") }
}
