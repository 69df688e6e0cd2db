import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A harmless check that a receiver's endpoint answers: a TCP connection opened and closed, nothing sent.
public enum ReachabilityProbe {
  /// Connects to `host`:`port` within `timeout` seconds (name lookup included); nil when it answered, else why not.
  public static func connect(host: String, port: Int, timeout: TimeInterval = 3) -> String? {
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    // Name lookup cannot be given a deadline: it runs on a thread of its own that is left behind if it hangs.
    let thread = Thread {
      let result = attempt(host: host, port: port, timeout: timeout)
      outcome.value.withLock { $0 = .some(result) }
      done.signal()
    }
    thread.start()
    guard done.wait(timeout: .now() + timeout) == .success, let result = outcome.value.withLock({ $0 }) else {
      return "no answer within \(Int(timeout)) s"
    }
    return result
  }

  private static func attempt(host: String, port: Int, timeout: TimeInterval) -> String? {
    var hints = addrinfo()
    hints.ai_family = AF_UNSPEC
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var found: UnsafeMutablePointer<addrinfo>?
    let looked = getaddrinfo(host, String(port), &hints, &found)
    guard looked == 0, let first = found else {
      return "cannot resolve \(host): \(String(cString: gai_strerror(looked)))"
    }
    defer { freeaddrinfo(first) }
    var problem = "no address"
    var next: UnsafeMutablePointer<addrinfo>? = first
    while let address = next {
      next = address.pointee.ai_next
      let descriptor = socket(
        address.pointee.ai_family,
        address.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue),
        address.pointee.ai_protocol)
      guard descriptor >= 0 else { continue }
      defer { close(descriptor) }
      if Glibc.connect(descriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 { return nil }
      guard errno == EINPROGRESS else {
        problem = String(cString: strerror(errno))
        continue
      }
      var poller = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
      guard poll(&poller, 1, Int32(timeout * 1000)) == 1 else {
        problem = "no answer within \(Int(timeout)) s"
        continue
      }
      var code: Int32 = 0
      var length = socklen_t(MemoryLayout<Int32>.size)
      getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length)
      if code == 0 { return nil }
      problem = String(cString: strerror(code))
    }
    return problem
  }
}

/// What the probing thread found, handed back to the waiting one.
private final class Outcome: Sendable {
  let value = Mutex<String??>(nil)
}
