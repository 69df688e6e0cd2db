import Foundation
import Testing

@testable import Policy

@Suite("The rule search path: given directories, the rules beside the binary, the default path")
struct RuleSourceTests {
  @Test func aBinaryUnderAPrefixReadsThatPrefixsShippedRulesThenTheAdminsOverrides() throws {
    let prefix = try Support.directory([:])
    try FileManager.default.createDirectory(
      atPath: prefix + "/share/visitd/rules", withIntermediateDirectories: true)
    let resolved = RuleSource.resolve([], executable: prefix + "/bin/visitctl")
    #expect(resolved.source.directories == [prefix + "/share/visitd/rules", "/etc/visitd/rules"])
    #expect(!resolved.fromCheckout)
  }

  @Test func givenDirectoriesWinOverTheRulesBesideTheBinary() throws {
    let prefix = try Support.directory([:])
    try FileManager.default.createDirectory(
      atPath: prefix + "/share/visitd/rules", withIntermediateDirectories: true)
    let resolved = RuleSource.resolve(["/srv/rules"], executable: prefix + "/bin/visitctl")
    #expect(resolved.source.directories == ["/srv/rules"])
  }

  @Test func withNoRulesBesideTheBinaryTheSearchFallsBackToTheDefaultOrTheCheckout() throws {
    let prefix = try Support.directory([:])
    let resolved = RuleSource.resolve([], executable: prefix + "/bin/visitctl")
    #expect(!resolved.source.directories.contains { $0.hasPrefix(prefix) })
    #expect(
      resolved.source.directories == (resolved.fromCheckout ? ["rules"] : RuleSource.defaultDirectories))
  }

  @Test func theSharedDirectoryIsTheBinarysParentsShare() {
    #expect(
      RuleSource.shippedDirectory(besideExecutable: "/usr/local/bin/visitctl")
        == "/usr/local/share/visitd/rules")
    #expect(RuleSource.shippedDirectory(besideExecutable: "/usr/bin/visitd") == "/usr/share/visitd/rules")
  }
}
