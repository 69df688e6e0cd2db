import Foundation
import StoreSQLite
import Testing

/// The daemon killed while it records: no acknowledged visit is lost and none is recorded twice.
@Suite(.serialized)
struct CrashAPITests {
  @Test("kill -9 during 200 concurrent POSTs loses no acknowledged visit, and their retries duplicate none")
  func killDuringConcurrentPosts() async throws {
    let daemon = try APIDaemon()
    #expect(try await daemon.request(.GET, "/openapi.yaml").status == 200, "\(daemon.log)")
    let token = try await daemon.token(["--operations"])
    let listing = try await daemon.visitctl(["tasks", "--json"])
    let rows = try #require(try JSONSerialization.jsonObject(with: Data(listing.utf8)) as? [[String: Any]])
    var seen = Set<String>()
    let pairs = rows.compactMap { $0["task"] as? [String: Any] }.compactMap { task -> (String, String)? in
      guard let household = task["household"] as? String, let steward = task["assignee"] as? String,
        seen.insert(household).inserted
      else { return nil }
      return (household, steward)
    }
    let visits: [(key: String, body: [String: Any])] = (0..<200).map { number in
      let (household, steward) = pairs[number % pairs.count]
      return (
        "crash-\(number)",
        [
          "id": "crash-\(number)", "household": household, "steward": steward, "channel": "phone",
          "at": DemoDaemon.localTime(minutesAgo: 60 + number),
        ]
      )
    }
    let acknowledged = try await withThrowingTaskGroup(of: String?.self) { group in
      for visit in visits {
        let body = try JSONSerialization.data(withJSONObject: visit.body)
        let key = visit.key
        group.addTask {
          // 200 writes queue behind one another: on a loaded 2-core machine the last ones wait long.
          let answer = try? await daemon.request(
            .POST, "/api/v1/visits", token: token, body: body, headers: [("Idempotency-Key", key)],
            timeout: 120)
          return answer?.status == 201 ? key : nil
        }
      }
      var acknowledged: [String] = []
      var killed = false
      for try await key in group {
        if let key { acknowledged.append(key) }
        if !killed && acknowledged.count >= 40 {
          daemon.kill9()
          killed = true
        }
      }
      return acknowledged
    }
    #expect(acknowledged.count >= 40)
    try daemon.launch()
    #expect(try await daemon.request(.GET, "/openapi.yaml").status == 200, "\(daemon.log)")
    for visit in visits {
      let answer = try await daemon.post(
        "/api/v1/visits", token: token, json: visit.body, headers: [("Idempotency-Key", visit.key)])
      #expect(answer.status == 201, "\(visit.key): \(answer.text)")
      if acknowledged.contains(visit.key) {
        #expect(
          answer.json["replayed"] as? Bool == true, "\(visit.key) was acknowledged, so its answer was kept")
      }
    }
    let facts = try SQLiteStore(path: daemon.database).loadFacts()
    let ids = Set(pairs.map(\.0)).flatMap { facts.visits(of: $0) }.map(\.id).filter { $0.hasPrefix("crash-") }
    #expect(ids.count == 200)
    #expect(Set(ids).count == ids.count)
  }
}
