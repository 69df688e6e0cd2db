import CalendarSpec
import Foundation

/// Reads the effective files one kind after another (settings first: rules take defaults from it).
struct Assembly {
  let base: Date
  var problems: [PolicyProblem] = []
  private var settings: Settings?
  private var rules: [Rule] = []
  private var schedules: [Schedule] = []
  private var holidays = HolidayCalendar(providesProvisionalYears: true)
  private var sources: [String: String] = [:]
  private var digest = ContentDigest()
  private var complete = true
  private var declaredIDs: [(id: String, file: PolicyFile)] = []

  init(base: Date) { self.base = base }

  /// Reads every file, settings first.
  mutating func read(_ files: [PolicyFile], directories: [String]) {
    guard let settingsFile = files.first(where: { $0.kind == .settings }) else {
      let message = "not found (or masked); expected it in \(directories.joined(separator: " or "))"
      problems.append(PolicyProblem(file: "settings.toml", line: nil, key: nil, message: message))
      complete = false
      return
    }
    settings = read(settingsFile) { checker, root in checker.settings(root) }
    let zone = settings?.timeZone ?? TimeZone(identifier: "Asia/Shanghai") ?? .current
    let window =
      settings?.visitingWindow
      ?? VisitingWindow(hours: .init(startMinute: 0, endMinute: 1440), outside: .flag)
    for file in files {
      readOther(file, zone: zone, window: window)
    }
    checkDuplicateIDs(files)
  }

  /// The rule set, when everything read without a problem.
  func ruleSet() -> RuleSet? {
    guard complete, problems.isEmpty, let settings else { return nil }
    return RuleSet(
      rules: rules, schedules: schedules, settings: settings, holidays: holidays, sources: sources,
      digest: digest.hex)
  }

  private mutating func readOther(_ file: PolicyFile, zone: TimeZone, window: VisitingWindow) {
    switch file.kind {
    case .settings: return
    case .rule:
      guard let rule = read(file, { $0.rule($1, name: file.stem, defaultWindow: window) }) else { return }
      rules.append(rule)
      sources[rule.id] = file.path
    case .schedules:
      let base = self.base
      guard let found = read(file, { $0.schedules($1, zone: zone, base: base) }) else { return }
      schedules = found
      for schedule in found { sources[schedule.id] = file.path }
    case .holidays:
      let year = Int(file.stem.dropFirst("holidays-".count))
      guard let calendar = read(file, { $0.holidays($1, year: year) }) else { return }
      holidays.offDays.formUnion(calendar.offDays)
      holidays.workingDays.formUnion(calendar.workingDays)
      holidays.officialYears.formUnion(calendar.officialYears)
    }
  }

  private mutating func read<T>(_ file: PolicyFile, _ parse: (inout FileChecker, Section) -> T?) -> T? {
    sources[file.name] = file.path
    guard let text = readText(file) else { return nil }
    if file.kind != .schedules {
      digest.add(file.name)
      digest.add(text)
    }
    var checker = FileChecker(file: file.path, text: text)
    defer { problems += checker.problems.sortedByLine() }
    if let excess = NestingScanner.firstExcess(in: text, limit: RuleFileLimits.maximumNesting) {
      checker.reportFile(Self.message(excess), line: excess.line)
      complete = false
      return nil
    }
    do throws(TOMLSyntaxError) {
      let root = try TOMLNode.parse(text)
      if file.kind == .rule, case .string(let id) = root["id"] { declaredIDs.append((id, file)) }
      let result = parse(&checker, Section(ref: .root, values: root))
      if result == nil { complete = false }
      return result
    } catch {
      checker.reportFile("invalid TOML: \(error.description)", line: error.line)
      complete = false
      return nil
    }
  }

  private static func message(_ excess: NestingScanner.Excess) -> String {
    if let unparsable = excess.unparsable { return "invalid TOML: " + unparsable }
    return "nested \(excess.depth) levels deep; expected at most \(RuleFileLimits.maximumNesting) "
      + "(table header keys, dotted keys, inline tables and arrays together)"
  }

  private mutating func readText(_ file: PolicyFile) -> String? {
    switch RuleFileReader.text(of: file.path) {
    case .success(let text): return text
    case .failure(let problem):
      problems.append(problem)
      complete = false
      return nil
    }
  }

  private mutating func checkDuplicateIDs(_ files: [PolicyFile]) {
    for entry in declaredIDs where entry.file.stem != entry.id {
      guard let earlier = declaredIDs.first(where: { $0.id == entry.id && $0.file != entry.file }) else {
        continue
      }
      let text = (try? RuleFileReader.text(of: entry.file.path).get()) ?? ""
      let line = LineLocator(text: text).line(of: .root, key: "id")
      let message = "'\(entry.id)' is also the id of \(earlier.file.name); expected unique ids"
      problems.append(PolicyProblem(file: entry.file.path, line: line, key: "id", message: message))
      complete = false
    }
    for schedule in schedules where rules.contains(where: { $0.id == schedule.id }) {
      let message =
        "schedule '\(schedule.id)' has the id of a rule; expected ids unique across rules and schedules"
      problems.append(
        PolicyProblem(file: sources[schedule.id] ?? "schedules.toml", line: nil, key: "id", message: message))
      complete = false
    }
  }
}

extension [PolicyProblem] {
  /// The problems of one file by line, those without a line last, keeping the order of equal lines.
  func sortedByLine() -> [PolicyProblem] {
    enumerated().sorted { ($0.element.line ?? .max, $0.offset) < ($1.element.line ?? .max, $1.offset) }.map(
      \.element)
  }
}
