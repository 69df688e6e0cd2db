import Foundation
import Glibc

/// A datagram socket standing in for systemd's notify socket, for tests of `sd_notify` senders.
///
/// Like systemd it reads every datagram as it comes (a thread of its own): the kernel queues only a few
/// unread datagrams on a Unix socket (`net.unix.max_dgram_qlen`, 10 here), and a sender whose messages nobody
/// read would block in `sd_notify`.
public final class NotifyListener: @unchecked Sendable {
  /// The socket path to put in `NOTIFY_SOCKET`.
  public let path: String
  private let inbox = Inbox()

  /// Binds a fresh socket in the temporary directory and starts reading it.
  public init() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString)").path
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
    }
    _ = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    let inbox = inbox
    Thread.detachNewThread { inbox.read(descriptor) }
  }

  deinit {
    inbox.close()
    unlink(path)
  }

  /// The next message, or nil when none came within `timeout` seconds.
  public func receive(timeout: Double = 10) -> String? {
    inbox.next(until: Date().addingTimeInterval(timeout))
  }

  /// Reads messages until one satisfies `match`; returns it, or nil on timeout.
  public func waitFor(timeout: Double = 20, _ match: (String) -> Bool) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while let message = inbox.next(until: deadline) {
      if match(message) { return message }
    }
    return nil
  }
}

/// The messages read and not yet taken, filled by the reading thread.
private final class Inbox: @unchecked Sendable {
  private let condition = NSCondition()
  private var messages: [String] = []
  private var closed = false

  /// Reads datagrams from `descriptor` until closed, then closes it.
  func read(_ descriptor: Int32) {
    defer { Glibc.close(descriptor) }
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !isClosed {
      var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 100) == 1 else { continue }
      let count = recv(descriptor, &buffer, buffer.count, 0)
      guard count >= 0 else { continue }
      let message = String(decoding: buffer[0..<count], as: UTF8.self)
      condition.withLock {
        messages.append(message)
        condition.broadcast()
      }
    }
  }

  /// The oldest message not taken, waiting for one until `deadline`.
  func next(until deadline: Date) -> String? {
    condition.withLock {
      while messages.isEmpty {
        guard condition.wait(until: deadline) else { return nil }
      }
      return messages.removeFirst()
    }
  }

  func close() { condition.withLock { closed = true } }

  private var isClosed: Bool { condition.withLock { closed } }
}
