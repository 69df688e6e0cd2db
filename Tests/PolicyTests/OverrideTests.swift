import Foundation
import Testing

@testable import Policy

@Suite("Directory order: overrides and masking")
struct OverrideTests {
  private static let monthlyVacant = """
    id = "vacant-quarterly"
    title = "空置客户月度访谈"
    kind = "basic"
    channels = ["wechat"]

    [select]
    state = ["vacant"]

    [trigger]
    quota = "1 per month"

    """

  @Test func anEmptyFileMasksTheShippedRule() throws {
    let directory = try Support.directory(["deep-interview.toml": ""])
    let load = Support.load(over: [directory])
    let ruleSet = try load.get()
    #expect(ruleSet.rule("deep-interview") == nil)
    let file = try #require(load.files.first { $0.name == "deep-interview.toml" })
    #expect(file.isMasked)
    #expect(file.replaced == [Support.shippedRules + "/deep-interview.toml"])
  }

  @Test func aLinkToDevNullMasksTheShippedRule() throws {
    let directory = try Support.directory([:])
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/ticket-follow-up.toml", withDestinationPath: "/dev/null")
    let ruleSet = try Support.load(over: [directory]).get()
    #expect(ruleSet.rule("ticket-follow-up") == nil)
    #expect(ruleSet.rules.count == 8)
  }

  @Test func aSameNamedFileReplacesTheShippedOne() throws {
    let directory = try Support.directory(["vacant-quarterly.toml": OverrideTests.monthlyVacant])
    let ruleSet = try Support.load(over: [directory]).get()
    let rule = try #require(ruleSet.rule("vacant-quarterly"))
    #expect(rule.trigger == .quota(Quota(count: 1, period: .month)))
    #expect(rule.selector.grades.isEmpty)
    #expect(ruleSet.sources["vacant-quarterly"] == directory + "/vacant-quarterly.toml")
  }

  @Test func theLastDirectoryWins() throws {
    let middle = try Support.directory(["vacant-quarterly.toml": OverrideTests.monthlyVacant])
    let last = try Support.directory(["vacant-quarterly.toml": ""])
    let load = Support.load(over: [middle, last])
    #expect(try load.get().rule("vacant-quarterly") == nil)
    let file = try #require(load.files.first { $0.name == "vacant-quarterly.toml" })
    #expect(
      file.replaced == [Support.shippedRules + "/vacant-quarterly.toml", middle + "/vacant-quarterly.toml"])
  }

  @Test func aNewFileAddsARule() throws {
    let text = OverrideTests.monthlyVacant.replacingOccurrences(
      of: "\"vacant-quarterly\"", with: "\"vacant-monthly\"")
    let directory = try Support.directory(["vacant-monthly.toml": text])
    let ruleSet = try Support.load(over: [directory]).get()
    #expect(ruleSet.rules.count == 10)
    #expect(ruleSet.rule("vacant-monthly")?.title == "空置客户月度访谈")
  }

  @Test func maskingTheSettingsIsAProblem() throws {
    let directory = try Support.directory(["settings.toml": ""])
    let load = Support.load(over: [directory])
    #expect(load.ruleSet == nil)
    #expect(
      load.problems.map(\.description) == [
        "settings.toml: not found (or masked); expected it in \(Support.shippedRules) or \(directory)"
      ])
  }

  @Test func missingDirectoriesAreSkippedButNoneAtAllIsAProblem() throws {
    let missing = "/nonexistent/visitd-rules"
    #expect(throws: Never.self) { try Support.load(over: [missing]).get() }
    let load = PolicyLoader.load(RuleSource(directories: [missing]))
    #expect(
      load.problems.map(\.description) == ["rules: no rules directory found; expected one of \(missing)"])
  }

  @Test func everyProblemIsReportedNotJustTheFirst() throws {
    let broken = """
      id = "broken"
      title = "坏"
      kind = "basic"
      channels = ["fax"]

      [trigger]
      quota = "1 per fortnight"

      """
    let directory = try Support.directory(["broken.toml": broken, "schedules.toml": "[[schedule]]\nid = 1\n"])
    let messages = Support.messages(Support.load(over: [directory]), relativeTo: directory)
    #expect(
      messages == [
        "broken.toml:4: channels: 'fax': unknown channel; expected in-home, phone, wechat or sms",
        "broken.toml:7: [trigger].quota: '1 per fortnight': unknown period 'fortnight'; "
          + "expected month, quarter, half-year or year",
        "schedules.toml:1: [[schedule]][1].report: missing required key; expected daily-digest, "
          + "overdue-escalation, spot-check, monthly-summary, capture-rate-ranking or verification-sample",
        "schedules.toml:1: [[schedule]][1].title: missing required key; expected a string",
        "schedules.toml:1: [[schedule]][1].calendar: missing required key; "
          + "expected a systemd calendar expression such as '*-*-25 09:00'",
        "schedules.toml:1: [[schedule]][1].audience: missing required key; "
          + "expected steward, project-lead, operations or admin",
        "schedules.toml:2: [[schedule]][1].id: expected a string, found an integer",
      ])
  }

  @Test func anOrdinaryFileIsNotAMask() {
    #expect(!PolicyFile(name: "a.toml", path: "/x/a.toml").isMasked)
    #expect(PolicyFile(name: "holidays-2027.toml", path: "/x").kind == .holidays)
    #expect(PolicyFile(name: "settings.toml", path: "/x").kind == .settings)
    #expect(PolicyFile(name: "occupied-annual.toml", path: "/x").stem == "occupied-annual")
  }
}
