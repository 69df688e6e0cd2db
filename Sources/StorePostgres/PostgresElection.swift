import Foundation
import NIOConcurrencyHelpers
import PostgresNIO
import Store

/// One store's part in the leader election: the lease row `leader`, written with the database's clock on a
/// connection of its own (a long re-plan on the store's connection must not hold up the heartbeat), and the
/// term this store last won, which its leader writes check before they commit.
final class PostgresElection: Sendable {
  private let location: PostgresLocation
  /// The lease's own connection, opened at the first `lead`.
  private let leaseConnection = NIOLockedValueBox<BlockingConnection?>(nil)
  /// Whether the store ever asked to lead: from then on its leader writes are fenced.
  private let taking = NIOLockedValueBox(false)
  private let term = NIOLockedValueBox<LeaderTerm?>(nil)

  init(location: PostgresLocation) { self.location = location }

  /// The epoch this store leads with, nil outside an election or between terms.
  var epoch: Int64? { term.withLockedValue { $0?.epoch } }

  /// Takes or renews the lease (see `LeaderElection.lead`).
  func lead(node: String, lease: TimeInterval) throws -> LeaderTerm? {
    taking.withLockedValue { $0 = true }
    let held = term.withLockedValue { $0 }
    let mine = held?.node == node ? held?.epoch ?? -1 : -1
    let won = try connection().withSession { session in
      try session.rows(
        """
        INSERT INTO leader AS l (id, node, epoch, lease_until)
        VALUES (1, \(node), 1, clock_timestamp() + make_interval(secs => \(lease)))
        ON CONFLICT (id) DO UPDATE SET node = excluded.node, lease_until = excluded.lease_until,
          epoch = CASE WHEN l.node = excluded.node AND l.epoch = \(mine) THEN l.epoch ELSE l.epoch + 1 END
        WHERE (l.node = excluded.node AND l.epoch = \(mine)) OR l.lease_until < clock_timestamp()
        RETURNING node, epoch, extract(epoch FROM lease_until)::double precision
        """
      ).first.map(Self.term)
    }
    term.withLockedValue { $0 = won }
    return won
  }

  /// Ends this store's term at once.
  func resign() throws {
    guard let held = term.withLockedValue({ $0 }) else { return }
    try connection().withSession { session in
      try session.run(
        """
        UPDATE leader SET lease_until = clock_timestamp() - interval '1 second'
        WHERE id = 1 AND node = \(held.node) AND epoch = \(held.epoch)
        """)
    }
    term.withLockedValue { $0 = nil }
  }

  /// The term leading now, whoever holds it; nil when none ever led or the last lease ran out.
  func currentLeader(_ session: PostgresSession) throws -> LeaderTerm? {
    try session.rows(
      """
      SELECT node, epoch, extract(epoch FROM lease_until)::double precision FROM leader
      WHERE id = 1 AND lease_until > clock_timestamp()
      """
    ).first.map(Self.term)
  }

  /// Refuses a leader write, in the transaction of `session` just before it commits, unless this store's term
  /// still holds the current epoch; the row stays share-locked until commit, so no node takes over meanwhile.
  /// Nothing is checked for a store that never asked to lead (one machine, visitctl).
  func fence(_ session: PostgresSession) throws {
    guard taking.withLockedValue({ $0 }) else { return }
    guard let held = term.withLockedValue({ $0 }) else { throw StoreError.notLeader(nil) }
    let current = try session.rows(
      "SELECT 1 FROM leader WHERE id = 1 AND node = \(held.node) AND epoch = \(held.epoch) FOR SHARE")
    guard current.isEmpty else { return }
    term.withLockedValue { if $0 == held { $0 = nil } }
    throw StoreError.notLeader(held)
  }

  private func connection() throws -> BlockingConnection {
    try leaseConnection.withLockedValue { open in
      if let open { return open }
      let fresh = try BlockingConnection(location)
      open = fresh
      return fresh
    }
  }

  private static func term(_ row: PostgresRow) throws -> LeaderTerm {
    let (node, epoch, until) = try row.decode((String, Int64, Double).self)
    return LeaderTerm(node: node, epoch: epoch, expires: Date(timeIntervalSince1970: until))
  }
}

extension PostgresStore: LeaderElection {
  /// Takes the lease for `node` or renews this store's; nil while another node's lease runs.
  public func lead(node: String, lease: TimeInterval) throws -> LeaderTerm? {
    try election.lead(node: node, lease: lease)
  }

  /// Gives up this store's term at once.
  public func resign() throws { try election.resign() }

  /// The term leading now, whoever holds it.
  public func currentLeader() throws -> LeaderTerm? {
    try connection.withSession { session in try election.currentLeader(session) }
  }
}
