import Foundation
import Glibc

/// A datagram socket standing in for systemd's notify socket, for tests of `sd_notify` senders.
public final class NotifyListener: @unchecked Sendable {
  /// The socket path to put in `NOTIFY_SOCKET`.
  public let path: String
  private let descriptor: Int32

  /// Binds a fresh socket in the temporary directory.
  public init() {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString)").path
    descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
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
  }

  deinit {
    close(descriptor)
    unlink(path)
  }

  /// The next message, or nil when none came within `timeout` seconds.
  public func receive(timeout: Double = 10) -> String? {
    var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else { return nil }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = recv(descriptor, &buffer, buffer.count, 0)
    return String(decoding: buffer[0..<max(count, 0)], as: UTF8.self)
  }

  /// Reads messages until one satisfies `match`; returns it, or nil on timeout.
  public func waitFor(timeout: Double = 20, _ match: (String) -> Bool) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      guard let message = receive(timeout: deadline.timeIntervalSinceNow) else { return nil }
      if match(message) { return message }
    }
    return nil
  }
}
