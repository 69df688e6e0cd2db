import Foundation
import Testing

/// A daemon whose database cannot be opened waits and tries again, answering 503 meanwhile: no restart loop.
@Suite struct StartupAPITests {
  @Test("a database that cannot be opened: 503 with Retry-After, the reason in STATUS=, served once it opens")
  func waitsForItsDatabase() async throws {
    let daemon = try APIDaemon(notifying: true) { folder in
      try Data(String(repeating: "not a database ", count: 20).utf8)
        .write(to: URL(fileURLWithPath: "\(folder)/visitd.sqlite"))
      return []
    }
    let waiting = try await daemon.request(.GET, "/api/v1/outbox")
    #expect(waiting.status == 503)
    #expect(waiting.headers.first(name: "Retry-After") == "5")
    #expect(waiting.text.contains("cannot open its database"))
    let status = daemon.notify.waitFor(timeout: 30) { $0.contains("READY=1") }
    #expect(status?.contains("not started: cannot open the database") == true, "\(status ?? "")")
    #expect(status?.contains("file is not a database") == true)

    try FileManager.default.removeItem(atPath: daemon.database)
    let deadline = Date().addingTimeInterval(60)
    var served = waiting
    while served.status == 503 && Date() < deadline {
      try await Task.sleep(for: .milliseconds(200))
      served = try await daemon.request(.GET, "/api/v1/outbox")
    }
    #expect(served.status == 401, "the operations answer (a token is needed) once the database opened")
    #expect(daemon.log.contains(/started after \d+ failed attempt\(s\)/), "\(daemon.log)")
  }
}
