import Foundation

/// The ordered directories the effective rule set is read from; later same-named files win.
public struct RuleSource: Sendable, Hashable {
  /// The shipped rules, then the admin's overrides.
  public static let defaultDirectories = ["/usr/share/visitd/rules", "/etc/visitd/rules"]

  /// The directories, earliest (lowest priority) first.
  public var directories: [String]

  /// A source reading `directories` in order.
  public init(directories: [String] = RuleSource.defaultDirectories) { self.directories = directories }

  /// The given directories; else the shipped rules beside the binary (`<bindir>/../share/visitd/rules`, so a
  /// `make install PREFIX=/usr/local` finds its own) then `/etc/visitd/rules`; else the default path, or `./rules`
  /// when the shipped rules are not installed and the current directory is a checkout (then `fromCheckout` is true).
  public static func resolve(_ directories: [String], executable: String? = RuleSource.executablePath) -> (
    source: RuleSource, fromCheckout: Bool
  ) {
    guard directories.isEmpty else { return (RuleSource(directories: directories), false) }
    if let beside = executable.map(shippedDirectory(besideExecutable:)), beside != defaultDirectories[0],
      isDirectory(beside)
    {
      return (RuleSource(directories: [beside] + defaultDirectories.dropFirst()), false)
    }
    let files = FileManager.default
    guard !files.fileExists(atPath: defaultDirectories[0]), files.fileExists(atPath: "rules") else {
      return (RuleSource(), false)
    }
    return (RuleSource(directories: ["rules"]), true)
  }

  /// Where the shipped rules sit relative to an installed executable: `<bindir>/../share/visitd/rules`.
  public static func shippedDirectory(besideExecutable executable: String) -> String {
    URL(fileURLWithPath: executable).resolvingSymlinksInPath()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("share/visitd/rules").standardizedFileURL.path
  }

  /// The running executable's path (`/proc/self/exe` on Linux), nil when unknown.
  public static var executablePath: String? { Bundle.main.executableURL?.path }

  /// The effective files by name, with what they replaced and whether they mask the name; missing directories are skipped.
  public func effectiveFiles() -> [PolicyFile] {
    var byName: [String: PolicyFile] = [:]
    for directory in directories {
      for name in RuleSource.tomlFiles(in: directory) {
        let path = (directory as NSString).appendingPathComponent(name)
        let replaced = byName[name].map { $0.replaced + [$0.path] } ?? []
        byName[name] = PolicyFile(
          name: name, path: path, replaced: replaced, isMasked: RuleSource.masks(path))
      }
    }
    return byName.keys.sorted().compactMap { byName[$0] }
  }

  /// The directories of the search path that exist.
  public var existingDirectories: [String] {
    directories.filter(RuleSource.isDirectory)
  }

  private static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  private static func tomlFiles(in directory: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
  }

  /// Whether a file masks its name: empty, or a symbolic link to `/dev/null`.
  private static func masks(_ path: String) -> Bool {
    let manager = FileManager.default
    if let target = try? manager.destinationOfSymbolicLink(atPath: path), target == "/dev/null" {
      return true
    }
    let size = (try? manager.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue
    return size == 0
  }
}

/// One file of the effective rule set.
public struct PolicyFile: Sendable, Hashable {
  /// What a policy file holds, told by its name.
  public enum Kind: String, Sendable, Hashable {
    /// `<rule-id>.toml`: one rule.
    case rule
    /// `settings.toml`.
    case settings
    /// `schedules.toml`.
    case schedules
    /// `holidays-<year>.toml`.
    case holidays
  }

  /// The file name, e.g. `vacant-quarterly.toml`.
  public var name: String
  /// The path of the file that wins.
  public var path: String
  /// The paths of earlier same-named files it replaces, earliest first.
  public var replaced: [String]
  /// Whether the winning file is empty or links to `/dev/null`, removing the name.
  public var isMasked: Bool

  /// A file entry from its parts.
  public init(name: String, path: String, replaced: [String] = [], isMasked: Bool = false) {
    self.name = name
    self.path = path
    self.replaced = replaced
    self.isMasked = isMasked
  }

  /// The name without `.toml`: a rule's id.
  public var stem: String { String(name.dropLast(".toml".count)) }

  /// What the file holds, by its name.
  public var kind: Kind {
    switch stem {
    case "settings": return .settings
    case "schedules": return .schedules
    default: return stem.hasPrefix("holidays-") ? .holidays : .rule
    }
  }
}
