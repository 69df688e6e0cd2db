import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A Unix datagram socket bound at a path, as a running daemon's control socket is.
final class BoundControlSocket {
  private var descriptor: Int32

  /// Binds a datagram socket at `path`.
  init(path: String) throws {
    descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in path.utf8.prefix(raw.count - 1).enumerated() { raw[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    guard descriptor >= 0, bound == 0 else { throw CLIError("cannot bind \(path): errno \(errno)") }
  }

  /// Closes it, leaving the socket file behind as a killed daemon does.
  func close() {
    if descriptor >= 0 { _ = Glibc.close(descriptor) }
    descriptor = -1
  }

  deinit { close() }
}

/// A TCP listener on 127.0.0.1 that never accepts: the kernel completes connections into its backlog.
final class LoopbackListener {
  private let descriptor: Int32
  /// The port it listens on.
  let port: Int

  /// Listens on a free port of 127.0.0.1.
  init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let ready = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, length) == 0 && listen(descriptor, 16) == 0
          && getsockname(descriptor, $0, &length) == 0
      }
    }
    guard descriptor >= 0, ready else { throw CLIError("cannot listen on 127.0.0.1: errno \(errno)") }
    self.descriptor = descriptor
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  deinit { _ = Glibc.close(descriptor) }
}
