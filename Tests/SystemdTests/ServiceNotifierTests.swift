import Foundation
import Glibc
import Testing

@testable import Systemd

/// A datagram socket standing in for the service manager's notify socket.
private struct NotifySocket {
  let path: String
  let descriptor: Int32

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("notify-\(UUID().uuidString)").path
    descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { raw in
      for (index, byte) in path.utf8.enumerated() { raw[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    #expect(bound == 0)
  }

  func receive() -> String {
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = recv(descriptor, &buffer, buffer.count, 0)
    return String(decoding: buffer[0..<max(count, 0)], as: UTF8.self)
  }

  func close() {
    Glibc.close(descriptor)
    unlink(path)
  }
}

@Test func notificationsReachTheNotifySocket() throws {
  let listener = try NotifySocket()
  defer { listener.close() }
  setenv("NOTIFY_SOCKET", listener.path, 1)
  defer { unsetenv("NOTIFY_SOCKET") }
  let notifier = ServiceNotifier()
  #expect(notifier.isListening)
  notifier.ready(status: "312 open, 14 overdue")
  #expect(listener.receive() == "READY=1\nSTATUS=312 open, 14 overdue")
  notifier.reloading(status: "reloading rules")
  let reloading = listener.receive()
  #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
  #expect(reloading.hasSuffix("\nSTATUS=reloading rules"))
  notifier.status("line one\nline two")
  #expect(listener.receive() == "STATUS=line one line two")
  notifier.watchdog()
  #expect(listener.receive() == "WATCHDOG=1")
  notifier.stopping(status: "stopping")
  #expect(listener.receive() == "STOPPING=1\nSTATUS=stopping")
}

@Test func watchdogIntervalComesFromWatchdogUsec() {
  setenv("WATCHDOG_USEC", "2000000", 1)
  setenv("WATCHDOG_PID", "\(getpid())", 1)
  #expect(Watchdog.interval == .seconds(2))
  #expect(Watchdog.pingInterval == .seconds(1))
  setenv("WATCHDOG_PID", "1", 1)
  #expect(Watchdog.interval == nil)
  unsetenv("WATCHDOG_USEC")
  unsetenv("WATCHDOG_PID")
  #expect(Watchdog.interval == nil)
}
