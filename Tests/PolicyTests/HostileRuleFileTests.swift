import Foundation
import Testing

@testable import Policy

/// Rule files a careless admin or a hostile user might install: loading names the file, the line and the
/// limit, and never crashes (issue 16).
@Suite("Hostile rule files")
struct HostileRuleFileTests {
  private static let rule = Support.ruleHead

  private static let allowedRootKeys =
    "expected id, title, description, kind, channels, interviewees, split, grace, precedence, select, trigger "
    + "or visiting-window"

  private func problems(_ name: String, _ text: String) throws -> [String] {
    try Support.problems(name, text)
  }

  private func problems(_ name: String, bytes: [UInt8]) throws -> [String] {
    let directory = try Support.directory([:])
    try Data(bytes).write(to: URL(fileURLWithPath: (directory as NSString).appendingPathComponent(name)))
    return Support.messages(Support.load(over: [directory]), relativeTo: directory)
  }

  @Test func aHeaderOf50000KeysIsRefusedAtItsLineInsteadOfCrashing() throws {
    let header = "[" + Array(repeating: "a", count: 50_000).joined(separator: ".") + "]\nx = 1\n"
    #expect(
      try problems("r.toml", Self.rule + header) == [
        "r.toml:9: nested 33 levels deep; expected at most 32 (table header keys, dotted keys, inline tables "
          + "and arrays together)"
      ])
  }

  @Test(arguments: ["dotted key", "arrays", "inline tables"])
  func deepValuesAreRefusedAtTheirLine(_ shape: String) throws {
    let line: String
    switch shape {
    case "dotted key": line = "x" + String(repeating: ".a", count: 40) + " = 1\n"
    case "arrays":
      line = "x = " + String(repeating: "[", count: 50_000) + String(repeating: "]", count: 50_000)
    default:
      line = "x = " + String(repeating: "{a=", count: 50_000) + "1" + String(repeating: "}", count: 50_000)
    }
    let found = try problems("r.toml", Self.rule + "[trigger]\nquota = \"1 per quarter\"\n" + line + "\n")
    #expect(found.count == 1)
    #expect(
      found.first?.hasPrefix("r.toml:11: nested 33 levels deep; expected at most 32") == true, "\(found)")
  }

  @Test func nestingWithinTheLimitReachesTheTOMLParser() {
    let header = "[" + Array(repeating: "a", count: 31).joined(separator: ".") + "]\nx = 1\n"
    #expect(NestingScanner.firstExcess(in: header, limit: 32) == nil)
    #expect(NestingScanner.firstExcess(in: "[" + header, limit: 31) == .init(line: 2, depth: 32))
    #expect(NestingScanner.firstExcess(in: "a = \"[[[[[[\" # {{{{{{\n", limit: 2) == nil)
    #expect(NestingScanner.firstExcess(in: "a = '''\n[x.y.z]\n'''\n", limit: 2) == nil)
    #expect(NestingScanner.firstExcess(in: "a = 1\n\n[x.y.z]\n", limit: 2) == .init(line: 3, depth: 3))
    #expect(NestingScanner.firstExcess(in: "\u{FEFF}[{a]\n", limit: 2)?.unparsable != nil)
  }

  /// toml++ aborts on an assertion for these (found by RuleFileFuzzTests).
  @Test(arguments: [
    ("[{holiday]]", "'{'"), ("[=]", "'='"), ("[ .a]", "'.'"), ("[[ é]]", "'é'"), ("[", "the end of the line"),
  ])
  func aHeaderThatDoesNotStartWithAKeyIsRefusedBeforeTheParser(_ header: String, _ start: String) throws {
    #expect(
      try problems("r.toml", Self.rule + header + "\n") == [
        "r.toml:9: invalid TOML: a table header starting with \(start); "
          + "expected a key (letters, digits, - or _) or a quoted key after '['"
      ])
  }

  /// toml++ aborts on an assertion for these too (found by RuleFileFuzzTests at 50,000 inputs).
  @Test(arguments: [
    ("[}A\", \"B\"]", 10), ("[1, }]", 10), ("[\n  # a comment\n  }]", 12), ("[[}]]", 10),
  ])
  func aClosingBraceWhereAnArrayExpectsAValueIsRefusedBeforeTheParser(_ value: String, _ line: Int) throws {
    #expect(
      try problems("r.toml", Self.rule + "[trigger]\nquota = " + value + "\n") == [
        "r.toml:\(line): invalid TOML: '}' where an array expects a value; expected a value or ']'"
      ])
  }

  @Test func aFileOverOneMebibyteIsRefusedUnread() throws {
    let text = Self.rule + String(repeating: "# padding\n", count: 110_000)
    #expect(
      try problems("r.toml", text) == [
        "r.toml: larger than 1048576 bytes (1 MiB); expected a smaller rule file"
      ])
  }

  @Test func invalidUTF8IsReportedAtItsLineAndByteOffset() throws {
    var bytes = Array(Self.rule.utf8)
    let offset = Array("id = \"r\"\ntitle = \"测试\"\nkind = \"basic\"\nchannels = [\"phone\"]\n\n".utf8).count
    bytes.insert(contentsOf: [0x23, 0x20, 0xC3, 0x28], at: offset)
    #expect(
      try problems("r.toml", bytes: bytes) == [
        "r.toml:6: invalid UTF-8 (byte 0xC3) at byte offset \(offset + 2) (column 3); expected UTF-8 text"
      ])
  }

  @Test func aNulByteIsReportedAtItsLine() throws {
    let bytes = Array("id = \"r\"\ntitle = \"a".utf8) + [0] + Array("\"\n".utf8)
    #expect(
      try problems("r.toml", bytes: bytes) == [
        "r.toml:2: a NUL byte at byte offset 19 (column 11); expected UTF-8 text"
      ])
  }

  @Test func aDirectoryNamedTomlIsNamedADirectory() throws {
    let directory = try Support.directory([:])
    try FileManager.default.createDirectory(
      atPath: (directory as NSString).appendingPathComponent("r.toml"), withIntermediateDirectories: false)
    #expect(
      Support.messages(Support.load(over: [directory]), relativeTo: directory) == [
        "r.toml: is a directory; expected a TOML file (rename it without .toml)"
      ])
  }

  @Test func aDanglingSymlinkNamesItsTarget() throws {
    let directory = try Support.directory([:])
    try FileManager.default.createSymbolicLink(
      atPath: (directory as NSString).appendingPathComponent("r.toml"),
      withDestinationPath: "/nonexistent/r.toml")
    #expect(
      Support.messages(Support.load(over: [directory]), relativeTo: directory) == [
        "r.toml: is a symbolic link to '/nonexistent/r.toml', which does not exist; "
          + "expected a link to a rule file (or to /dev/null to mask the name)"
      ])
  }

  @Test func aMisspelledHeaderIsReportedAtItsLine() throws {
    #expect(
      try problems("r.toml", Self.rule + "[trigge]\nquota = \"1 per quarter\"\n") == [
        "r.toml:9: trigge: unknown key; did you mean 'trigger'? \(Self.allowedRootKeys)",
        "r.toml: trigger: missing required key; expected a [trigger] table",
      ])
  }

  @Test func anArrayOfTablesHeaderIsReportedAtItsLine() throws {
    #expect(
      try problems("r.toml", Self.rule + "[[trigger]]\nquota = \"1 per quarter\"\n") == [
        "r.toml:9: trigger: expected a [trigger] table, found an array"
      ])
  }

  @Test func aSubtableHeaderIsReportedAtItsLine() throws {
    let text = Self.rule + "[trigger]\nquota = \"1 per quarter\"\n\n[trigger.extra]\nx = 1\n"
    #expect(
      try problems("r.toml", text) == [
        "r.toml:12: [trigger].extra: unknown key; expected quota, each, after, within, until, count, campaign "
          + "or coverage"
      ])
  }
}
