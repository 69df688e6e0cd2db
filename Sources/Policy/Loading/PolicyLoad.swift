/// What loading a rule source found: the effective files, the rule set when valid, and every problem.
public struct PolicyLoad: Sendable {
  /// The effective files by name, masked ones included.
  public let files: [PolicyFile]
  /// The directories of the search path that exist.
  public let directories: [String]
  /// The rule set, when there were no problems.
  public let ruleSet: RuleSet?
  /// Every problem found, by file then line.
  public let problems: [PolicyProblem]

  /// A load result from its parts.
  public init(files: [PolicyFile], directories: [String], ruleSet: RuleSet?, problems: [PolicyProblem]) {
    self.files = files
    self.directories = directories
    self.ruleSet = ruleSet
    self.problems = problems
  }

  /// The rule set, or every problem thrown at once.
  public func get() throws(PolicyProblems) -> RuleSet {
    guard let ruleSet, problems.isEmpty else { throw PolicyProblems(problems) }
    return ruleSet
  }
}
