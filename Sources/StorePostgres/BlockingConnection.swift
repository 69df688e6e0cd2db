import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresNIO
import Store

/// One PostgreSQL connection used from synchronous code, one caller at a time.
///
/// Decision: the store protocols are synchronous (SQLite blocks its caller), so each `PostgresStore` owns one
/// connection on an event loop group of its own (one thread), and the calling thread blocks on each query's
/// future (`blockingResult`). The connection's own loop never blocks: the group is private to the store, so no
/// caller runs on it. The caller may be a thread of another event loop group (the daemon runs Swift concurrency
/// on NIO's loops, and its outbox worker calls the store from there): NIO's `wait()` refuses any event loop
/// thread, so the wait is a condition lock instead, and such a caller stalls its own loop exactly as long as an
/// SQLite call would. A lock hands the connection to one caller at a time for a whole unit of work
/// (a statement, or a transaction), so the statements of a transaction are never interleaved with another
/// caller's; it serialises the store's users in the process as SQLite's single writer does. A connection found
/// closed (the server restarted) is opened again before the next unit of work, never inside one.
final class BlockingConnection: @unchecked Sendable {
  private let location: PostgresLocation
  private let group: MultiThreadedEventLoopGroup
  private let logger: Logger
  private let lock = NIOLock()
  /// Guarded by `lock`.
  private var connection: PostgresConnection?

  /// Connects to `location`; throws a `StoreError` when the server cannot be reached or refuses.
  init(_ location: PostgresLocation) throws {
    self.location = location
    group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var logger = Logger(label: "visitd.postgres")
    logger.logLevel = .error
    self.logger = logger
    do {
      connection = try Self.connect(location, group: group, logger: logger)
    } catch {
      group.shutdownGracefully { _ in }
      throw error
    }
  }

  /// Closes the connection and stops the group without waiting: the last reference may go on an event loop
  /// thread (the daemon's), where NIO refuses a synchronous shutdown.
  deinit {
    let group = group
    guard let connection else { return group.shutdownGracefully { _ in } }
    // The closure holds the connection until it is closed (postgres-nio asserts that a connection is).
    connection.close().whenComplete { _ in
      withExtendedLifetime(connection) { group.shutdownGracefully { _ in } }
    }
  }

  private static func connect(_ location: PostgresLocation, group: any EventLoopGroup, logger: Logger) throws
    -> PostgresConnection
  {
    do {
      return try blockingResult(
        PostgresConnection.connect(
          on: group.next(), configuration: location.configuration, id: 1, logger: logger))
    } catch {
      throw StoreError("cannot connect to \(location): \(PostgresSession.reason(error))")
    }
  }

  /// Runs `body` with the connection to itself.
  @discardableResult
  func withSession<T>(_ body: (PostgresSession) throws -> T) throws -> T {
    try lock.withLock {
      let open: PostgresConnection
      if let connection, !connection.isClosed {
        open = connection
      } else {
        open = try Self.connect(location, group: group, logger: logger)
        connection = open
      }
      let session = PostgresSession(connection: open, logger: logger)
      do {
        let result = try body(session)
        try session.copies.settle()
        return result
      } catch {
        session.copies.discard()
        throw error
      }
    }
  }

  /// Runs `body` in one transaction, committed when it returns (rolled back when `commit` is false) and rolled
  /// back when it throws. A `snapshot` is a read-only transaction on one snapshot (repeatable read).
  @discardableResult
  func transaction<T>(snapshot: Bool = false, commit: Bool = true, _ body: (PostgresSession) throws -> T)
    throws
    -> T
  {
    try withSession { session in
      try session.execute(snapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN")
      do {
        let result = try body(session)
        try session.execute(commit ? "COMMIT" : "ROLLBACK")
        return result
      } catch {
        session.copies.discard()
        try? session.execute("ROLLBACK")
        throw error
      }
    }
  }
}

/// The connection lent to one unit of work: queries that block the calling thread until they are answered.
///
/// A COPY is the exception: it returns once sent, so the caller prepares the next rows while the server takes
/// these; the next COPY or query waits for it first, and fails with its error if it failed.
struct PostgresSession {
  let connection: PostgresConnection
  let logger: Logger
  /// The COPY the server may still be taking.
  fileprivate let copies = CopyInFlight()

  /// The rows `query` returns.
  func rows(_ query: PostgresQuery) throws -> [PostgresRow] {
    try copies.settle()
    do {
      return try answer(query).rows.rows
    } catch {
      throw StoreError("PostgreSQL: \(Self.reason(error))")
    }
  }

  /// Runs `query`; returns how many rows it changed (or returned).
  @discardableResult
  func run(_ query: PostgresQuery) throws -> Int {
    try copies.settle()
    do {
      return try answer(query).metadata.rows ?? 0
    } catch {
      throw StoreError("PostgreSQL: \(Self.reason(error))")
    }
  }

  /// The server's answer to `query`; an error when the connection closes first (postgres-nio drops a query
  /// written to a connection that has just closed without ever failing it).
  ///
  /// Rows are collected one by one: postgres-nio's `query(_:logger:)` copies the rows gathered so far at each
  /// read from the socket (quadratic: minutes for the million rows of a big store's histories).
  private func answer(_ query: PostgresQuery) throws -> (rows: CollectedRows, metadata: PostgresQueryMetadata)
  {
    let rows = CollectedRows()
    let metadata = try blockingResult(
      connection.query(query, logger: logger) { rows.rows.append($0) }, unlessClosed: connection.closeFuture)
    return (rows, metadata)
  }

  /// Sends `rows` into `table`'s `columns` with one COPY in text format, after the COPY before it ended; returns
  /// once it is sent (see the type's note).
  func copy(_ rows: CopyRows, into table: String, columns: [String]) throws {
    guard rows.count > 0 else { return }
    try copies.settle()
    let (connection, logger, data) = (self.connection, self.logger, rows.buffer)
    let done = connection.eventLoop.makePromise(of: Void.self)
    Task(executorPreference: EventLoopTaskExecutor(connection.eventLoop)) {
      do {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
          var rest = data
          while let part = rest.readSlice(length: min(Self.copyPart, rest.readableBytes)),
            part.readableBytes > 0
          {
            try await writer.write(part)
          }
        }
        done.succeed()
      } catch {
        done.fail(error)
      }
    }
    copies.start(done.futureResult, table: table, unlessClosed: connection.closeFuture)
  }

  /// The bytes of COPY data sent in one message.
  private static let copyPart = 1 << 20

  /// Runs SQL without parameters: one statement, or several each ending with `;` at the end of a line (the
  /// extended protocol postgres-nio speaks takes one statement at a time).
  func execute(_ sql: String) throws {
    for statement in sql.components(separatedBy: ";\n") {
      let trimmed = statement.trimmingCharacters(in: .whitespacesAndNewlines)
      if !trimmed.isEmpty { try run(PostgresQuery(unsafeSQL: trimmed)) }
    }
  }

  /// What went wrong, in the server's words when it answered with an error.
  static func reason(_ error: any Error) -> String {
    guard let error = error as? PSQLError else { return "\(error)" }
    if let info = error.serverInfo, let message = info[.message] {
      return message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
    }
    if let underlying = error.underlying { return "\(underlying)" }
    return "\(error.code)"
  }

  /// The SQLSTATE of a server error, nil for any other error.
  static func sqlState(_ error: any Error) -> String? {
    (error as? PSQLError)?.serverInfo?[.sqlState]
  }
}

/// The COPY of a session that may not have ended yet.
private final class CopyInFlight: @unchecked Sendable {
  /// Touched only by the session's one caller.
  private var pending: (done: EventLoopFuture<Void>, table: String, closed: EventLoopFuture<Void>)?

  func start(_ done: EventLoopFuture<Void>, table: String, unlessClosed closed: EventLoopFuture<Void>) {
    pending = (done, table, closed)
  }

  /// Waits for the COPY in flight, if any; throws its error.
  func settle() throws {
    guard let (done, table, closed) = pending else { return }
    pending = nil
    do {
      try blockingResult(done, unlessClosed: closed)
    } catch {
      throw StoreError("PostgreSQL: COPY \(table): \(PostgresSession.reason(error))")
    }
  }

  /// Waits for the COPY in flight, if any, whatever its outcome (the transaction is rolled back).
  func discard() { try? settle() }
}

/// The rows of one answer, appended on the connection's event loop and read once the answer is complete.
private final class CollectedRows: @unchecked Sendable {
  var rows: [PostgresRow] = []
}

/// The value of `future`, blocking the calling thread (never the future's own event loop) until it completes,
/// or an error once `closed` completes first (the connection the answer would come on is gone).
func blockingResult<Value: Sendable>(
  _ future: EventLoopFuture<Value>, unlessClosed closed: EventLoopFuture<Void>? = nil
) throws -> Value {
  precondition(
    !future.eventLoop.inEventLoop, "a store call on its own connection's event loop would deadlock")
  let done = ConditionLock(value: false)
  let result = NIOLockedValueBox<Result<Value, any Error>?>(nil)
  let finish: @Sendable (Result<Value, any Error>) -> Void = { completed in
    let first = result.withLockedValue { held in
      guard held == nil else { return false }
      held = completed
      return true
    }
    guard first else { return }
    done.lock()
    done.unlock(withValue: true)
  }
  future.whenComplete(finish)
  closed?.whenComplete { _ in finish(.failure(StoreError("the connection to PostgreSQL closed"))) }
  done.lock(whenValue: true)
  done.unlock()
  guard let completed = result.withLockedValue({ $0 }) else {
    throw StoreError("a PostgreSQL call completed without a result")
  }
  return try completed.get()
}
