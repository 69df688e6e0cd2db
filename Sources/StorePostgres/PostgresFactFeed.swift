import Logging
import NIOPosix
import PostgresNIO
import Store

/// "Facts changed" between nodes: every fact write notifies channel `visitd_facts` in its transaction (delivered
/// at commit, never for a rolled-back write) with the households it changed; each daemon listens on a connection
/// of its own.
enum PostgresFactFeed {
  /// The channel's name.
  static let channel = "visitd_facts"
  /// Payloads stay below PostgreSQL's 8,000 bytes: a longer list goes as "" (any household).
  static let payloadLimit = 7_000

  /// Notifies the households of a write (sent when the transaction commits).
  static func announce(_ households: some Collection<String>, session: PostgresSession) throws {
    guard !households.isEmpty else { return }
    let listed = households.sorted().joined(separator: ",")
    let payload = listed.utf8.count <= payloadLimit ? listed : ""
    try session.run("SELECT pg_notify(\(channel), \(payload))")
  }

  /// The households a payload names; empty for any.
  static func households(_ payload: String) -> [String] {
    payload.split(separator: ",").map(String.init)
  }
}

extension PostgresStore: FactChangeFeed {
  /// Listens on `visitd_facts` until cancelled; a lost connection is opened again after a second (and a change
  /// of any household reported, since notices may have been missed meanwhile).
  ///
  /// The loop runs on an event loop of its own rather than the shared concurrency pool, whose few threads
  /// callers of the synchronous store may all be holding (a test suite under load waited past a minute).
  public func followFactChanges(
    listening: @escaping @Sendable () -> Void, _ noticed: @escaping @Sendable ([String]) -> Void
  ) async {
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
      await follow(on: loop, listening: listening, noticed)
    }
  }

  private func follow(
    on loop: any EventLoop, listening: @escaping @Sendable () -> Void,
    _ noticed: @escaping @Sendable ([String]) -> Void
  ) async {
    // postgres-nio's own messages only when they are errors; this feed's at the level the process logs at.
    let logger = Logger(label: "visitd.postgres.listen")
    var connectionLogger = logger
    connectionLogger.logLevel = .error
    var reconnecting = false
    while !Task.isCancelled {
      do {
        let connection = try await PostgresConnection.connect(
          on: loop, configuration: location.configuration, id: 2,
          logger: connectionLogger)
        if reconnecting { noticed([]) }
        reconnecting = true
        do {
          // postgres-nio calls the closure once LISTEN has succeeded.
          try await connection.listen(on: PostgresFactFeed.channel) { notices in
            listening()
            for try await notice in notices { noticed(PostgresFactFeed.households(notice.payload)) }
          }
        } catch {
          logger.debug("listening stopped: \(error)")
        }
        try? await connection.close()
      } catch {
        logger.debug("cannot listen: \(error)")
      }
      try? await Task.sleep(for: .seconds(1))
    }
  }
}
