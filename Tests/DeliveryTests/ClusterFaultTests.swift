import Delivery
import Foundation
import Store
import StorePostgres
import TestSupport
import Testing

/// Three `visitd` nodes on one PostgreSQL database (started by the test): one leads, every node delivers; the
/// leader killed or paused, another takes over within 15 s, nothing is lost, and the old leader writes nothing.
@Suite(.serialized) struct ClusterFaultTests {
  static let messages = 1000
  /// How soon a node must take over from a dead leader.
  static let takeoverLimit: TimeInterval = 15

  @Test(
    .enabled(if: VisitdChild.binary != nil, "needs the visitd binary next to the test bundle"),
    .timeLimit(.minutes(4)))
  func aLeaderKilledDuringDeliveriesIsReplacedAndNothingIsLost() async throws {
    let server = try await LoopbackServer.start { _ in .reply(status: 200, body: "{}", delay: 0.01) }
    let cluster = try await Cluster.start(server)
    let keys = (0..<Self.messages).map { "digest:S\($0):2026-11-26" }
    let enqueued = Date().addingTimeInterval(-60)
    try cluster.store.enqueue(keys.map { try Fixtures.message().entry(key: $0, notBefore: enqueued) })

    #expect(try await eventually(timeout: 90, every: .milliseconds(5)) { server.requests.count >= 300 })
    let leader = try #require(try cluster.leader())
    #expect(try await leader.stop(SIGKILL) == SIGKILL)
    let killed = Date()
    let atKill = try cluster.store.outboxRows(state: nil, limit: 2 * Self.messages)
    let inFlight = Set(atKill.filter { $0.state == .sending }.map(\.key))

    var successor: VisitdChild?
    #expect(
      try await eventually(timeout: 30, every: .milliseconds(100)) {
        successor = try cluster.leader()
        return successor != nil && successor !== leader
      })
    let takeover = Date().timeIntervalSince(killed)
    print("takeover after SIGKILL of the leader: \(String(format: "%.1f", takeover)) s")
    #expect(takeover <= Self.takeoverLimit)
    let next = try #require(successor)
    #expect(
      try await eventually(timeout: 20, every: .milliseconds(100)) {
        next.log(cluster.logName).contains("schedule ran")
      }, "the new leader runs the schedules:\n\(next.log(cluster.logName))")

    try await cluster.expectDelivered(keys)
    try await cluster.stop()
    try await server.stop()
    let arrivals = Cluster.arrivals(of: keys, at: server)
    let duplicated = Set(arrivals.filter { $0.value > 1 }.keys)
    print("duplicates after the kill: \(duplicated.count) of \(inFlight.count) rows in flight")
    #expect(duplicated.isSubset(of: inFlight), "only rows in flight at the kill came twice")
  }

  @Test(
    .enabled(if: VisitdChild.binary != nil, "needs the visitd binary next to the test bundle"),
    .timeLimit(.minutes(4)))
  func aLeaderPausedPastItsLeaseStepsDownAndWritesNothingLate() async throws {
    let server = try await LoopbackServer.start { _ in .reply(status: 200, body: "{}") }
    let cluster = try await Cluster.start(server)
    let leader = try #require(try cluster.leader())
    kill(leader.processIdentifier, SIGSTOP)
    var successor: VisitdChild?
    #expect(
      try await eventually(timeout: 30, every: .milliseconds(100)) {
        successor = try cluster.leader()
        return successor != nil && successor !== leader
      })
    let paused = leader.log(cluster.logName).count
    kill(leader.processIdentifier, SIGCONT)
    #expect(
      try await eventually(timeout: 20, every: .milliseconds(100)) {
        String(leader.log(cluster.logName).dropFirst(paused)).contains("stepped down")
      }, "the paused leader steps down:\n\(leader.log(cluster.logName))")
    let late = String(leader.log(cluster.logName).dropFirst(paused))
    #expect(!late.contains("schedule ran"), "no schedule run of the old leader after it woke:\n\(late)")
    #expect(try cluster.leader() === successor, "the new leader keeps the lease")
    try await cluster.stop()
    try await server.stop()
  }
}

extension ClusterFaultTests {
  @Test(
    .enabled(if: VisitdChild.binary != nil, "needs the visitd binary next to the test bundle"),
    .timeLimit(.minutes(4)))
  func theDatabaseRestartedUnderLoadLosesNothing() async throws {
    let database = try PostgresServer.dedicated()
    let server = try await LoopbackServer.start { _ in .reply(status: 200, body: "{}", delay: 0.01) }
    let cluster = try await Cluster.start(server, database: try database.freshDatabase())
    let keys = (0..<Self.messages).map { "digest:S\($0):2026-11-26" }
    try cluster.store.enqueue(keys.map { try Fixtures.message().entry(key: $0, notBefore: Date()) })

    #expect(try await eventually(timeout: 90, every: .milliseconds(5)) { server.requests.count >= 300 })
    let before = cluster.nodes.map { $0.log(cluster.logName).count }
    try database.stop()
    // Down until every node has failed to renew or take the lease (its heartbeat comes every 3.3 s).
    #expect(
      try await eventually(timeout: 30, every: .milliseconds(100)) {
        zip(cluster.nodes, before).allSatisfy { node, seen in
          String(node.log(cluster.logName).dropFirst(seen)).contains("leader lease not renewed")
        }
      })
    try database.start()

    try await cluster.expectDelivered(keys)
    let leader = try #require(try cluster.leader(), "a node leads again")
    let ran = leader.log(cluster.logName).count
    #expect(
      try await eventually(timeout: 20, every: .milliseconds(100)) {
        String(leader.log(cluster.logName).dropFirst(ran)).contains("schedule ran")
      }, "the leader runs the schedules again:\n\(leader.log(cluster.logName))")
    #expect(cluster.nodes.allSatisfy { $0.isRunning }, "no node died of the restart")
    try await cluster.stop()
    try await server.stop()
    let arrivals = Cluster.arrivals(of: keys, at: server)
    let duplicated = arrivals.values.filter { $0 > 1 }.count
    print("duplicates after the database restart: \(duplicated) (rows in flight when it went down)")
    #expect(duplicated <= 3 * 64, "at most a batch per node came twice")
  }
}

/// Three nodes started one after the other on a fresh database, each with a receivers file pointing at `server`.
private struct Cluster {
  let nodes: [VisitdChild]
  let store: PostgresStore
  let logName = "node.log"

  static func start(_ server: LoopbackServer, database: String? = nil) async throws -> Cluster {
    let url = try database ?? PostgresServer.freshDatabase()
    let store = try PostgresStore(url: url)
    var nodes: [VisitdChild] = []
    for index in 1...3 {
      let node = try VisitdChild(database: url)
      try ScheduleFixtures.digestEveryTwoSeconds.write(
        toFile: "\(node.rules)/schedules.toml", atomically: true, encoding: .utf8)
      try Fixtures.write(
        Fixtures.webhookReceivers(url: "\(server.baseURL)/hook", lease: "20s"), to: node.deliveryConfig)
      try node.start(log: "node.log", arguments: ["--node", "n\(index)"])
      try #require(try await node.waitReady(), "node n\(index) is not ready:\n\(node.log("node.log"))")
      nodes.append(node)
    }
    return Cluster(nodes: nodes, store: store)
  }

  /// The node holding the lease, nil while none does.
  func leader() throws -> VisitdChild? {
    guard let term = try store.currentLeader() else { return nil }
    return nodes.enumerated().first { "n\($0.offset + 1)" == term.node }?.element
  }

  /// Expects every one of `keys` delivered within two minutes.
  func expectDelivered(_ keys: [String]) async throws {
    let wanted = Set(keys)
    let delivered = try await eventually(timeout: 120, every: .milliseconds(100)) {
      let rows = try store.outboxRows(state: .delivered, limit: 10 * keys.count)
      return wanted.isSubset(of: rows.map { $0.key })
    }
    let counts = try store.outboxCounts()
    #expect(delivered, "\(counts)")
  }

  /// How often each of `keys` reached `server`; expects every one of them there.
  static func arrivals(of keys: [String], at server: LoopbackServer) -> [String: Int] {
    let wanted = Set(keys)
    let arrivals = Dictionary(
      server.requests.compactMap { $0.headers["idempotency-key"] }.filter(wanted.contains).map { ($0, 1) },
      uniquingKeysWith: +)
    #expect(Set(arrivals.keys) == wanted, "every message arrived")
    return arrivals
  }

  /// Stops every node still running.
  func stop() async throws {
    for (index, node) in nodes.enumerated() where node.isRunning {
      #expect(try await node.stop(SIGTERM) == 0, "node n\(index + 1) stops cleanly:\n\(node.log(logName))")
    }
  }

}
