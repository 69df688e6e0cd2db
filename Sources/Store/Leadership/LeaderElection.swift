import Foundation

/// A term of leadership: the node that holds it, its fencing epoch, and when its lease ends by the database's clock.
public struct LeaderTerm: Sendable, Hashable, CustomStringConvertible {
  /// The node leading.
  public let node: String
  /// Raised by one at every change of leader; a write carrying an older epoch is refused.
  public let epoch: Int64
  /// When the lease runs out unless renewed, as the database's clock reads.
  public let expires: Date

  /// A term of `node` with `epoch`, leased until `expires`.
  public init(node: String, epoch: Int64, expires: Date) {
    self.node = node
    self.epoch = epoch
    self.expires = expires
  }

  /// `NODE (epoch N)`.
  public var description: String { "\(node) (epoch \(epoch))" }
}

/// Leadership among the nodes that share one database: exactly one plans and runs schedules at a time.
///
/// A store that takes part remembers the term it last won and checks it, at commit, in its leader writes
/// (schedule runs and whole re-plans): once another node holds a newer epoch they are refused with
/// `StoreError.notLeader`, so a leader that was paused past its lease cannot write late.
public protocol LeaderElection: Sendable {
  /// Takes the lease for `node` when no other node holds a running one, or renews this store's own; returns the
  /// term held, nil when another node leads. Times are the database's, never the node's.
  func lead(node: String, lease: TimeInterval) throws -> LeaderTerm?

  /// Gives up this store's term at once, so that another node may lead without waiting for the lease.
  func resign() throws

  /// The term that leads now, whoever holds it; nil when none ever did.
  func currentLeader() throws -> LeaderTerm?
}

extension StoreError {
  /// A leader write refused: this store's term is over (`term`, nil when it never led).
  public static func notLeader(_ term: LeaderTerm?) -> StoreError {
    StoreError("not the leader: \(term.map { "the term of \($0) is over" } ?? "this node never led")")
  }

  /// Whether this is the refusal of a leader write by a store whose term is over.
  public var isNotLeader: Bool { message.hasPrefix("not the leader: ") }
}
