import Foundation

/// A raw loopback TCP connection that sends what it is given as it is given (a byte at a time for a slowloris) and
/// can tell whether the server has closed it.
final class SlowClient {
  private let descriptor: Int32

  /// Connects to 127.0.0.1:`port`.
  init(port: Int) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = UInt16(port).bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
      }
    }
    guard connected else {
      close(descriptor)
      throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .ECONNREFUSED)
    }
  }

  deinit { close(descriptor) }

  /// Sends `byte`; false once the server has closed the connection.
  func send(_ byte: UInt8) -> Bool {
    var value = byte
    return Glibc.send(descriptor, &value, 1, Int32(MSG_NOSIGNAL)) == 1 && !isClosed
  }

  /// Whether the server has closed the connection (end of stream or reset), without waiting.
  var isClosed: Bool {
    var byte: UInt8 = 0
    let read = recv(descriptor, &byte, 1, Int32(MSG_DONTWAIT) | Int32(MSG_PEEK))
    return read == 0 || (read < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
  }
}
