import Foundation
import Glibc
import TestSupport
import Testing

@testable import Systemd

@Test func notificationsReachTheNotifySocket() throws {
  let listener = NotifyListener()
  setenv("NOTIFY_SOCKET", listener.path, 1)
  defer { unsetenv("NOTIFY_SOCKET") }
  let notifier = ServiceNotifier()
  #expect(notifier.isListening)
  notifier.ready(status: "312 open, 14 overdue")
  #expect(listener.receive() ?? "" == "READY=1\nSTATUS=312 open, 14 overdue")
  notifier.reloading(status: "reloading rules")
  let reloading = listener.receive() ?? ""
  #expect(reloading.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
  #expect(reloading.hasSuffix("\nSTATUS=reloading rules"))
  notifier.status("line one\nline two")
  #expect(listener.receive() ?? "" == "STATUS=line one line two")
  notifier.watchdog()
  #expect(listener.receive() ?? "" == "WATCHDOG=1")
  notifier.stopping(status: "stopping")
  #expect(listener.receive() ?? "" == "STOPPING=1\nSTATUS=stopping")
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
