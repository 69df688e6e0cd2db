import Foundation
import Logging
import NIOPosix
import Store
import Synchronization

/// Whether this node may plan and run schedules: always on its own database (SQLite), and on a shared one
/// (PostgreSQL) while it holds the leader lease, renewed by a heartbeat every third of the lease.
final class Leadership: Sendable {
  /// How long a lease runs unrenewed: a dead leader's successor takes over within this and one heartbeat.
  static let lease: TimeInterval = 10
  /// How often the lease is renewed, or taken when free.
  static let heartbeat: Duration = .seconds(lease / 3)

  /// The node's name in the lease row.
  let node: String
  private let election: (any LeaderElection)?
  private let logger: Logger
  private let term = Mutex<LeaderTerm?>(nil)

  /// Leadership over `store`: an election when the store holds one, else always leading.
  init(store: any Storage, node: String, logger: Logger) {
    self.node = node
    election = store as? any LeaderElection
    self.logger = logger
  }

  /// The default node name: the host's name and the process id.
  static func defaultNode() -> String {
    "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)"
  }

  /// Whether this node leads now.
  var isLeading: Bool { election == nil || term.withLock { $0 } != nil }

  /// Takes or renews the lease once; true when whether this node leads changed. A failure to reach the
  /// database counts as not leading (the lease runs out anyway).
  @discardableResult
  func beat() -> Bool {
    guard let election else { return false }
    let now: LeaderTerm?
    do {
      now = try election.lead(node: node, lease: Self.lease)
    } catch {
      logger.error("leader lease not renewed: \(error)")
      now = nil
    }
    return settle(now)
  }

  /// Records that a leader write was refused: another node took over while this one could not renew.
  func refused() {
    if settle(nil) { logger.warning("a leader write was refused: another node leads now") }
  }

  /// Gives the lease up (at a clean stop), so another node leads without waiting for it to run out.
  func resign() {
    guard let election, isLeading else { return }
    do { try election.resign() } catch { logger.error("could not give up the leader lease: \(error)") }
    _ = settle(nil)
  }

  /// Beats every heartbeat on NIO's thread pool until cancelled, calling `changed` when leadership changes.
  func keepBeating(_ changed: @escaping @Sendable () -> Void) async {
    guard election != nil else { return }
    while !Task.isCancelled {
      try? await Task.sleep(for: Self.heartbeat)
      guard !Task.isCancelled else { return }
      let flipped = (try? await NIOThreadPool.singleton.runIfActive { [self] in beat() }) ?? false
      if flipped { changed() }
    }
  }

  private func settle(_ now: LeaderTerm?) -> Bool {
    let before = term.withLock { held in
      defer { held = now }
      return held
    }
    guard (before == nil) != (now == nil) || before?.epoch != now?.epoch else { return false }
    if let now {
      logger.notice("leading: this node plans and runs schedules", metadata: ["term": "\(now)"])
    } else if let before {
      logger.notice("stepped down: this node no longer holds the lease", metadata: ["term": "\(before)"])
    }
    return (before == nil) != (now == nil)
  }
}
