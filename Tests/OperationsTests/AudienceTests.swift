import Foundation
import Messages
import Policy
import Testing

/// One audience for rules, messages and receivers; the project lead's older name still reads.
@Suite struct AudienceTests {
  @Test func aMessageStoredForTheLeadBeforeTheAudiencesWereOneStillReads() throws {
    let message = OutboxMessage(
      audience: .projectLead, project: "P1",
      content: .spotCheck(SpotCheckNotice(project: "翠湖花园", month: "2026-11", stewards: [])))
    let entry = try message.entry(key: "spot-check:P1:2026-11", notBefore: Date(timeIntervalSince1970: 0))
    #expect(entry.audience == "project-lead")
    let older = entry.payload.replacingOccurrences(of: "\"project-lead\"", with: "\"lead\"")
    #expect(older != entry.payload)
    #expect(try OutboxMessage.decode(older) == message)
    #expect(Audience(word: "lead") == .projectLead && Audience(word: "leader") == nil)
  }
}
