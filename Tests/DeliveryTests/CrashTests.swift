import Foundation
import Store
import StoreSQLite
import TestSupport
import Testing

/// Kills `visitctl outbox deliver` in the middle of 300 sends, restarts it, and checks the outcome.
@Suite struct CrashTests {
  static let visitctl: String? = {
    let path = BuiltProducts.path(of: "visitctl")
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }()

  @Test(.enabled(if: visitctl != nil, "needs the visitctl binary next to the test bundle"))
  func aKilledWorkerLosesNothingAndDuplicatesOnlyWhatWasInFlight() async throws {
    let server = try await LoopbackServer.start { _ in .reply(status: 200, body: "{}", delay: 0.01) }
    let directory = try Fixtures.temporaryDirectory()
    let store = try SQLiteStore(path: directory + "/visitd.sqlite")
    let keys = (0..<300).map { "digest:S\($0):2026-11-26" }
    try store.enqueue(
      keys.map { try Fixtures.message().entry(key: $0, notBefore: Date(timeIntervalSince1970: 0)) })
    try Fixtures.write(
      """
      [delivery]
      lease = "2s"
      [receiver.crm]
      type = "webhook"
      url = "\(server.baseURL)/hook"
      [[route]]
      audience = "steward"
      receiver = "crm"
      """, to: directory + "/visitd.toml")

    let first = try launch(directory, log: "first.log")
    while server.requests.count < 100 { try await Task.sleep(for: .milliseconds(5)) }
    kill(first.processIdentifier, SIGKILL)
    first.waitUntilExit()
    let inFlight = Set(try store.outboxRows(state: .sending, limit: 1000).map(\.key))

    let second = try launch(directory, log: "second.log")
    second.waitUntilExit()
    #expect(second.terminationStatus == 0)

    let received = server.requests.compactMap { $0.headers["idempotency-key"] }
    #expect(Set(received) == Set(keys))
    let duplicated = Set(received.filter { key in received.filter { $0 == key }.count > 1 })
    #expect(duplicated.isSubset(of: inFlight))
    #expect(try store.outboxCounts() == [.delivered: 300])
    let log = try String(contentsOfFile: directory + "/second.log", encoding: .utf8)
    #expect(log.components(separatedBy: "possible duplicate: resending").count - 1 == inFlight.count)
    try await server.stop()
  }

  private func launch(_ directory: String, log: String) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.visitctl!)
    process.arguments = [
      "outbox", "deliver", "--until-empty", "--db", directory + "/visitd.sqlite", "--config",
      directory + "/visitd.toml",
    ]
    _ = FileManager.default.createFile(atPath: directory + "/" + log, contents: nil)
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: directory + "/" + log))
    process.standardOutput = output
    process.standardError = output
    try process.run()
    return process
  }
}
