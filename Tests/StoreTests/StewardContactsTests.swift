import Foundation
import Messages
import Operations
import Planner
import Store
import StoreSQLite
import Testing

/// Each person's id per channel: read from stewards.csv, checked, stored, and used to send a sign-in link to
/// that person alone.
@Suite struct StewardContactsTests {
  static let csv = """
    管家编号,姓名,企业微信,钉钉,飞书,邮箱
    S1,李娜,lina,ding-lina,fs-lina,lina@example.com
    S2,王强,,,,
    """

  @Test(arguments: StoreBackend.allCases)
  func stewardsCSVGivesEveryChannelsIdAndTheStoreKeepsThem(backend: StoreBackend) throws {
    let outcome = FactImporter(
      kind: .stewards, fileName: "stewards.csv", context: ImportContext(catalog: Catalog(), now: Date())
    ).read(text: Self.csv)
    #expect(outcome.issues.isEmpty, "\(outcome.issues)")
    let folder = TempFolder()
    let store = try Seed.store(backend, in: folder)
    try store.write(outcome.batch)
    let lina = try store.read { try $0.steward("S1") }
    #expect(
      lina
        == Steward(
          id: "S1", name: "李娜", wecomUserID: "lina", dingtalkUserID: "ding-lina", feishuUserID: "fs-lina",
          email: "lina@example.com"))
    #expect(try store.read { try $0.steward("S2") } == Steward(id: "S2", name: "王强"))
    #expect(try store.read { try $0.steward("S9") } == nil)
    #expect(try store.loadFacts().stewards["S1"]?.email == "lina@example.com")
  }

  @Test(arguments: [
    ("S1,李娜,,,,lina.example.com", "email"), ("S1,李娜,,,,a b@example.com", "email"),
    ("S1,李娜,,,,<a@example.com>", "email"), ("S1,李娜,li na,,,", "wecom"),
    ("S1,李娜,,\(String(repeating: "x", count: 65)),,", "dingtalk"),
  ])
  func aMalformedIdOrAddressNamesItsLineAndColumn(row: String, column: String) {
    let outcome = FactImporter(
      kind: .stewards, fileName: "stewards.csv", context: ImportContext(catalog: Catalog(), now: Date())
    ).read(text: "管家编号,姓名,企业微信,钉钉,飞书,邮箱\n" + row)
    #expect(outcome.issues.count == 1)
    #expect(outcome.issues.first?.line == 2)
    #expect(outcome.issues.first?.column?.hasSuffix("(\(column))") == true)
    #expect(outcome.batch.stewards.isEmpty, "nothing of a file with errors is stored")
  }

  @Test func aSignInLinkIsQueuedForItsPersonOnly() throws {
    let folder = TempFolder()
    let store = try Seed.store(in: folder)
    try store.write(
      FactImporter(
        kind: .stewards, fileName: "stewards.csv", context: ImportContext(catalog: Catalog(), now: Date())
      ).read(text: Self.csv).batch)
    let now = Seed.instant("2026-12-05 09:30")
    let delivery = SignInDelivery(baseURL: "https://visit.example.com/", zone: Seed.shanghai)
    let (key, record) = try delivery.send(to: .lead(project: "P1"), store: store, clock: now)
    #expect(record.principal == .lead(project: "P1"))
    let row = try #require(try store.outboxRows(state: nil, limit: 10).first { $0.key == key })
    let message = try OutboxMessage.decode(row.payload)
    #expect(message.personal)
    #expect(message.urgent)
    #expect(message.audience == .projectLead)
    #expect(message.recipient?.person == "S1", "P1's lead is S1")
    #expect(message.recipient?.wecom == "lina")
    guard case .signInLink(let notice) = message.content else {
      Issue.record("not a sign-in link: \(message.content)")
      return
    }
    #expect(notice.link.hasPrefix("https://visit.example.com/app/signin/"))
    #expect(!notice.link.contains(".com//"))
    #expect(notice.expires == "2026-12-06 09:30")
    #expect(throws: OperationError.self) { try delivery.send(to: .operations, store: store, clock: now) }
    #expect(throws: OperationError.self) { try delivery.send(to: .steward("S9"), store: store, clock: now) }
  }
}
