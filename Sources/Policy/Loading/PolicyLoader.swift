import CalendarSpec
import Foundation

/// Turns the files of a rule source into a validated, immutable rule set; pure apart from reading the files.
public enum PolicyLoader {
  /// The instant calendar expressions are checked against by default (2026-01-01 00:00 UTC).
  public static let defaultCheckBase = Date(timeIntervalSince1970: 1_767_225_600)

  /// Loads the effective files of `source`, checking that every calendar expression elapses after `base`.
  public static func load(_ source: RuleSource, checkingCalendarsAfter base: Date = defaultCheckBase)
    -> PolicyLoad
  {
    let files = source.effectiveFiles()
    let directories = source.existingDirectories
    var assembly = Assembly(base: base)
    if directories.isEmpty {
      let message = "no rules directory found; expected one of \(source.directories.joined(separator: ", "))"
      assembly.problems.append(PolicyProblem(file: "rules", line: nil, key: nil, message: message))
    } else {
      assembly.read(files.filter { !$0.isMasked }, directories: directories)
    }
    return PolicyLoad(
      files: files, directories: directories, ruleSet: assembly.ruleSet(), problems: assembly.problems)
  }

  /// The rule set of `source`, or every problem found.
  public static func ruleSet(_ source: RuleSource, checkingCalendarsAfter base: Date = defaultCheckBase)
    throws(PolicyProblems) -> RuleSet
  {
    try load(source, checkingCalendarsAfter: base).get()
  }
}
