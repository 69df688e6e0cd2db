import Store
import Testing

@testable import HTTPAPI

/// Who may read, reveal and record: the rules the API's 403s come from.
struct PermissionTests {
  let mine = HouseholdOwnership(project: "P1", steward: "S1")
  let theirs = HouseholdOwnership(project: "P2", steward: "S2")

  @Test("a steward reads, reveals and records only the households of their areas, and only as themselves")
  func steward() {
    let steward = Principal.steward("S1")
    #expect(steward.mayRead(mine) && !steward.mayRead(theirs))
    #expect(steward.mayRevealContact(mine) && !steward.mayRevealContact(theirs))
    #expect(steward.mayRecordVisit(mine, as: "S1"))
    #expect(!steward.mayRecordVisit(mine, as: "S2"))
    #expect(!steward.mayRecordVisit(theirs, as: "S1"))
    #expect(!steward.mayVoid)
  }

  @Test("a lead reads and reveals their project's households but records no visit")
  func lead() {
    let lead = Principal.lead(project: "P1")
    #expect(lead.mayRead(mine) && !lead.mayRead(theirs))
    #expect(lead.mayRevealContact(mine) && !lead.mayRevealContact(theirs))
    #expect(!lead.mayRecordVisit(mine, as: "S1"))
  }

  @Test("operations reads and reveals everything; an admin reads everything but full contacts")
  func operationsAndAdmin() {
    #expect(Principal.operations.mayRead(theirs) && Principal.operations.mayRevealContact(theirs))
    #expect(Principal.admin.mayRead(theirs) && !Principal.admin.mayRevealContact(theirs))
    #expect(Principal.operations.mayVoid && Principal.admin.mayVoid)
  }

  @Test("an integration does only what its scopes allow, and never reads full contacts")
  func integration() {
    let crm = Principal.integration(name: "crm", scopes: [.visitsWrite])
    let reports = Principal.integration(name: "bi", scopes: [.reportsRead])
    #expect(crm.mayRecordVisit(theirs, as: "S2") && !crm.mayRead(theirs))
    #expect(reports.mayRead(theirs) && !reports.mayRecordVisit(theirs, as: "S2"))
    #expect(!reports.mayRevealContact(theirs))
  }
}
