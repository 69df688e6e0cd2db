import Foundation
import Testing

/// Recording visits over the API: what it settles, retries, and bad bodies.
@Suite(.serialized)
struct VisitAPITests {
  /// An owed task of the household that a visit can settle now, and how.
  private func owedOpenTask(_ daemon: APIDaemon, _ household: String, token: String) async throws
    -> (task: String, channel: String, kind: String)
  {
    let brief = try await daemon.request(.GET, "/api/v1/households/\(household)/brief", token: token)
    let owed = try #require(brief.json["owed"] as? [[String: Any]])
    let open = try #require(owed.first { $0["state"] as? String == "open" }, "\(brief.text)")
    // "basic by in-home/phone with the owner"
    let requirement = open["requirement"] as? String ?? ""
    let words = requirement.split(separator: " ")
    let channel = words.count > 2 ? String(words[2].split(separator: "/").first ?? "in-home") : "in-home"
    return (open["task"] as? String ?? "", channel, String(words.first ?? "basic"))
  }

  @Test("a recorded visit answers with the task it settled; a retry with its key records nothing new")
  func recordAndRetry() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let steward = try await daemon.token(["--steward", cast.steward])
    let owed = try await owedOpenTask(daemon, cast.household, token: steward)
    let visit: [String: Any] = [
      "household": cast.household, "at": DemoDaemon.localTime(minutesAgo: 30), "channel": owed.channel,
      "kind": owed.kind, "steward": cast.steward, "information": ["hobbies": "钓鱼"],
    ]
    let key = [("Idempotency-Key", "visit-\(UUID())")]
    let first = try await daemon.post("/api/v1/visits", token: steward, json: visit, headers: key)
    #expect(first.status == 201, "\(first.text)")
    let settled = (first.json["settled"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
    #expect(settled.contains(owed.task), "\(first.text)")
    #expect(first.json["replayed"] as? Bool == false)
    let again = try await daemon.post("/api/v1/visits", token: steward, json: visit, headers: key)
    #expect(again.status == 201)
    #expect(again.json["replayed"] as? Bool == true)
    #expect((again.json["settled"] as? [[String: Any]])?.count == settled.count)
    var changed = visit
    changed["at"] = DemoDaemon.localTime(minutesAgo: 20)
    let reused = try await daemon.post("/api/v1/visits", token: steward, json: changed, headers: key)
    #expect(reused.status == 422)
    #expect((reused.json["errors"] as? [[String: Any]])?.first?["field"] as? String == "Idempotency-Key")
    let brief = try await daemon.request(.GET, "/api/v1/households/\(cast.household)/brief", token: steward)
    let contacts = (brief.json["lastContacts"] as? [[String: Any]]) ?? []
    let recorded = try #require(first.json["visits"] as? [String])
    #expect(contacts.filter { recorded.contains($0["visit"] as? String ?? "") }.count == 1)
  }

  @Test("a steward records only their own households, as themselves; a lead records none")
  func recordingIsScoped() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let steward = try await daemon.token(["--steward", cast.steward])
    let lead = try await daemon.token(["--lead", cast.project])
    let at = DemoDaemon.localTime(minutesAgo: 10)
    let elsewhere: [String: Any] = [
      "household": cast.otherHousehold, "at": at, "channel": "phone", "steward": cast.steward,
    ]
    #expect(try await daemon.post("/api/v1/visits", token: steward, json: elsewhere).status == 403)
    let asOther: [String: Any] = [
      "household": cast.household, "at": at, "channel": "phone", "steward": cast.otherSteward,
    ]
    #expect(try await daemon.post("/api/v1/visits", token: steward, json: asOther).status == 403)
    let own: [String: Any] = [
      "household": cast.household, "at": at, "channel": "phone", "steward": cast.steward,
    ]
    #expect(try await daemon.post("/api/v1/visits", token: lead, json: own).status == 403)
  }

  @Test("a bad body gets the right 4xx naming the field, and nothing is written")
  func badBodies() async throws {
    let (daemon, cast) = try await DemoDaemon.started()
    let token = try await daemon.token(["--operations"])
    let valid: [String: Any] = [
      "household": cast.household, "at": DemoDaemon.localTime(minutesAgo: 5), "channel": "phone",
      "steward": cast.steward,
    ]
    func field(_ answer: APIDaemon.Answer) -> String? {
      (answer.json["errors"] as? [[String: Any]])?.first?["field"] as? String
    }
    let malformed = try await daemon.request(
      .POST, "/api/v1/visits", token: token, body: Data("{\"household\":".utf8))
    #expect(malformed.status == 422 || malformed.status == 400, "\(malformed.text)")
    var unknown = valid
    unknown["mood"] = "happy"
    let extra = try await daemon.post("/api/v1/visits", token: token, json: unknown)
    #expect(extra.status == 422, "\(extra.text)")
    #expect(extra.text.contains("mood"))
    var wrongType = valid
    wrongType["ratings"] = ["service": "five"]
    let typed = try await daemon.post("/api/v1/visits", token: token, json: wrongType)
    #expect(typed.status == 422)
    #expect(field(typed)?.hasPrefix("ratings") == true, "\(typed.text)")
    var future = valid
    future["at"] = "2999-01-01 18:00"
    let late = try await daemon.post("/api/v1/visits", token: token, json: future)
    #expect(late.status == 422)
    #expect(field(late) == "at", "\(late.text)")
    var missing = valid
    missing.removeValue(forKey: "steward")
    let absent = try await daemon.post("/api/v1/visits", token: token, json: missing)
    #expect(absent.status == 422)
    #expect(field(absent) == "steward", "\(absent.text)")
    let huge = Data(repeating: UInt8(ascii: " "), count: 10 << 20)
    #expect(try await daemon.request(.POST, "/api/v1/visits", token: token, body: huge).status == 413)
    let text = try await daemon.request(
      .POST, "/api/v1/visits", token: token, body: Data("household=H1".utf8),
      contentType: "application/x-www-form-urlencoded")
    #expect(text.status == 415)
    let brief = try await daemon.request(.GET, "/api/v1/households/\(cast.household)/brief", token: token)
    let contacts = (brief.json["lastContacts"] as? [[String: Any]]) ?? []
    #expect(!contacts.contains { ($0["at"] as? String)?.hasPrefix("2999") == true })
    #expect(try await daemon.request(.GET, "/api/v1/me", token: token).status == 200, "still serving")
  }
}
