import ArgumentParser
import Foundation
import Operations
import Policy

/// `visitctl rules`: check and show the effective rule set.
struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "Check and show the rules.",
    subcommands: [RulesCheckCommand.self, RulesShowCommand.self])
}

/// The rule search path of `visitctl rules`.
struct RulesOptions: ParsableArguments {
  @Option(
    name: .customLong("rules"),
    help: ArgumentHelp(
      "A rules directory; repeat for several, later ones override earlier ones "
        + "(default: the shipped rules, <bindir>/../share/visitd/rules or /usr/share/visitd/rules, "
        + "then /etc/visitd/rules).",
      valueName: "dir"))
  var directories: [String] = []

  /// The source to load: the given directories, the default path, or `./rules` from a checkout.
  func source() -> RuleSource {
    let resolved = RuleSource.resolve(directories)
    if resolved.fromCheckout {
      standardError(
        "visitctl: \(RuleSource.defaultDirectories[0]) does not exist; using ./rules (running from the checkout)"
      )
    }
    return resolved.source
  }

  /// Loads the rules, checking calendars against now; prints every problem and fails when there is one.
  func load() throws -> (PolicyLoad, RuleSet) {
    let source = source()
    for directory in directories where !source.existingDirectories.contains(directory) {
      standardError("visitctl: --rules \(directory): no such directory")
      throw ExitCode.failure
    }
    let load = PolicyLoader.load(source, checkingCalendarsAfter: Date())
    guard let ruleSet = load.ruleSet, load.problems.isEmpty else {
      for problem in load.problems { standardError(problem.description) }
      standardError("visitctl: \(load.problems.count) problem(s); the rules were not loaded")
      throw ExitCode.failure
    }
    return (load, ruleSet)
  }
}

/// `visitctl rules check`: load the rules and report every problem.
struct RulesCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check the effective rules; list every problem and exit 1 if any.")

  @OptionGroup var options: RulesOptions

  func run() throws {
    let (load, ruleSet) = try options.load()
    let holidayFiles = load.files.filter { $0.kind == .holidays && !$0.isMasked }.count
    print(
      "OK: \(ruleSet.rules.count) rules, \(ruleSet.schedules.count) schedules, \(holidayFiles) holiday "
        + "file(s), time zone \(ruleSet.settings.timeZone.identifier)")
    print("Search path: \(load.directories.joined(separator: " → "))")
    print("Effective files:")
    for file in load.files { print("  " + RulesCheckCommand.line(file)) }
    let holidays = HolidayStatus(ruleSet.holidays, at: Date(), zone: ruleSet.settings.timeZone)
    print("Holidays:")
    for line in holidays.lines { print("  " + line) }
    if holidays.nextYearMissing {
      standardError(
        "visitctl: warning: no holidays file for \(holidays.years.upperBound): its Spring Festival is computed, "
          + "without the make-up working days of the official notice")
    }
  }

  private static func line(_ file: PolicyFile) -> String {
    let replaced = file.replaced.isEmpty ? "" : " (replaces \(file.replaced.joined(separator: ", ")))"
    return file.isMasked ? "\(file.name): masked by \(file.path)\(replaced)" : file.path + replaced
  }
}

/// `visitctl rules show`: print the effective rules after overrides.
struct RulesShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show the effective rules and schedules, each with the file it came from.")

  @OptionGroup var options: RulesOptions

  @Argument(help: "A rule or schedule id; all of them when left out.")
  var id: String?

  @Flag(help: "Print JSON instead of text.")
  var json = false

  func run() throws {
    let (_, ruleSet) = try options.load()
    let rules = ruleSet.rules.filter { id == nil || $0.id == id }
    let schedules = ruleSet.schedules.filter { id == nil || $0.id == id }
    if let id, rules.isEmpty, schedules.isEmpty {
      let ids = ruleSet.rules.map(\.id) + ruleSet.schedules.map(\.id)
      standardError("visitctl: no rule or schedule '\(id)'; expected one of \(ids.joined(separator: ", "))")
      throw ExitCode.failure
    }
    let file = { (id: String) in ruleSet.sources[id] ?? "?" }
    if json {
      try printJSON(
        ShownRules(
          rules: rules.map { RuleSummary($0, file: file($0.id)) },
          schedules: schedules.map { ScheduleSummary($0, file: file($0.id)) }))
    } else {
      for rule in rules { RulesShowCommand.printRule(rule, file: file(rule.id)) }
      for schedule in schedules {
        RulesShowCommand.printSchedule(ScheduleSummary(schedule, file: file(schedule.id)))
      }
    }
  }

  private func printJSON(_ value: ShownRules) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
  }

  private static func printRule(_ rule: Rule, file: String) {
    print("\(rule.id)  \(rule.title)  [\(file)]")
    print("  \(rule.description)")
    field("households", rule.selectorText)
    field("trigger", rule.triggerText + (rule.split == .none ? "" : ", split \(rule.split.rawValue)"))
    let interviewees = Interviewee.allCases.filter(rule.interviewees.contains).map(\.rawValue)
    field(
      "kind",
      rule.kind.rawValue + (interviewees.isEmpty ? "" : ", with " + interviewees.joined(separator: ", ")))
    field("channels", rule.channelsText)
    field(
      "in-home", "\(rule.visitingWindow.hours), outside the window: \(rule.visitingWindow.outside.rawValue)")
    field("grace", rule.grace?.description ?? "none")
    field("precedence", String(rule.precedence))
    print("")
  }

  private static func printSchedule(_ schedule: ScheduleSummary) {
    print("\(schedule.id)  \(schedule.title)  [\(schedule.file)]")
    field("calendar", "\(schedule.calendar) (\(schedule.days) days)")
    field("report", "\(schedule.report) to \(schedule.audience)")
    for threshold in schedule.thresholds { field("", threshold) }
    print("")
  }

  private static func field(_ name: String, _ value: String) {
    print("  " + name.padding(toLength: 11, withPad: " ", startingAt: 0) + " " + value)
  }
}

/// The JSON document of `visitctl rules show --json`.
private struct ShownRules: Encodable {
  let rules: [RuleSummary]
  let schedules: [ScheduleSummary]
}

/// Writes a line to standard error.
func standardError(_ line: String) {
  FileHandle.standardError.write(Data((line + "\n").utf8))
}
