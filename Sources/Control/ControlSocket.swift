import CLinux
import Foundation

/// The daemon's control socket: a Unix datagram socket in its runtime directory.
public enum ControlSocket {
  /// The socket path: `$RUNTIME_DIRECTORY/control.sock` under systemd (`/run/visitd/control.sock` for the
  /// installed service's database), else `visitd.sock` beside the database.
  public static func defaultPath(environment: [String: String], databasePath: String) -> String {
    if let runtime = environment["RUNTIME_DIRECTORY"]?.split(separator: ":").first {
      return "\(runtime)/control.sock"
    }
    if databasePath == "/var/lib/visitd/visitd.sqlite" { return "/run/visitd/control.sock" }
    // A database URL (postgres://…) has no folder to sit beside: the default SQLite file's folder.
    if databasePath.contains("://") { return "var/visitd.sock" }
    return URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent(
      "visitd.sock"
    ).path
  }

  /// Sends one message; returns false when no daemon listens there (nothing to tell).
  @discardableResult
  public static func send(_ message: ControlMessage, to path: String) -> Bool {
    guard path.utf8.count <= maxPathBytes else { return false }
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = unixAddress(path)
    let bytes = Array(message.wire.utf8)
    let sent = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        sendto(
          descriptor, bytes, bytes.count, Int32(MSG_DONTWAIT), $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    return sent == bytes.count
  }

  /// Whether a process is bound to the socket at `path` (a daemon runs), found by connecting without sending;
  /// true too when this user may not connect (a daemon may run: it cannot be ruled out).
  public static func answers(at path: String) -> Bool {
    guard path.utf8.count <= maxPathBytes, FileManager.default.fileExists(atPath: path) else { return false }
    let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var address = unixAddress(path)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    return connected == 0 || errno == EACCES || errno == EPERM
  }

  /// The longest path a Unix socket address holds (its terminating NUL aside).
  public static let maxPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

  static func unixAddress(_ path: String) -> sockaddr_un {
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
    }
    return address
  }
}

/// Receives control messages on a thread of its own and hands each to a callback.
public final class ControlListener: Sendable {
  private let descriptor: Int32
  /// Where the socket is bound.
  public let path: String

  /// Binds the socket at `path` (replacing a stale one), readable and writable by the owner's group.
  public init(path: String) throws {
    // A longer path would be cut short silently: bound under another name, left behind after a kill.
    guard path.utf8.count <= ControlSocket.maxPathBytes else {
      throw ControlError(
        path: path, errno: ENAMETOOLONG,
        hint:
          "a Unix socket path holds at most \(ControlSocket.maxPathBytes) bytes; give a shorter --control-socket or set RUNTIME_DIRECTORY"
      )
    }
    unlink(path)
    let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw ControlError(path: path, errno: errno) }
    var address = ControlSocket.unixAddress(path)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard bound == 0 else {
      let code = errno
      close(fd)
      throw ControlError(path: path, errno: code)
    }
    chmod(path, 0o660)
    descriptor = fd
    self.path = path
  }

  /// Starts the receiving thread; `handle` gets every well-formed message.
  public func start(_ handle: @escaping @Sendable (ControlMessage) -> Void) {
    let descriptor = self.descriptor
    let thread = Thread {
      var buffer = [UInt8](repeating: 0, count: 65_536)
      while true {
        let count = recv(descriptor, &buffer, buffer.count, 0)
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { return }
        if let message = ControlMessage(wire: String(decoding: buffer[0..<count], as: UTF8.self)) {
          handle(message)
        }
      }
    }
    thread.name = "visitd-control"
    thread.start()
  }

  /// Removes the socket file; the receiving thread ends with the process.
  public func remove() { unlink(path) }
}

/// The control socket could not be created or bound.
public struct ControlError: Error, CustomStringConvertible {
  /// The socket path.
  public let path: String
  /// The errno of the failing call.
  public let errno: Int32
  /// What to do about it, when there is something to say.
  public var hint: String? = nil

  /// `control socket PATH: reason[; hint]`.
  public var description: String {
    "control socket \(path): \(String(cString: strerror(errno)))" + (hint.map { "; \($0)" } ?? "")
  }
}
