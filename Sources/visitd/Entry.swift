import Dispatch
import Foundation
import Glibc
import NIOCore
import NIOPosix
import VisitCtlCommands

/// The process entry: SIGHUP blocked (the sleeper reads it from a signalfd), Swift concurrency on SwiftNIO's
/// event-loop threads, then the command.
///
/// libdispatch's own thread pool arms a once-a-second monitor timer for as long as the process lives, once its
/// first worker thread starts (a signal source handler or a concurrent loop is enough); with NIO's event loops as
/// the global executor (they block in `epoll_wait`) and SIGHUP on a signalfd, an idle daemon sleeps until its
/// next due instant without any wake-up.
///
/// Invoked as `visitctl` (the .deb's /usr/bin/visitctl is a link to visitd, so the static Swift runtime ships once),
/// it runs visitctl's commands instead, on the default executor as the stand-alone visitctl does.
@main
enum Entry {
  static func main() {
    if let name = CommandLine.arguments.first, URL(fileURLWithPath: name).lastPathComponent == "visitctl" {
      runToCompletion { await VisitCtl.main() }
      return
    }
    HangupSignal.block()
    // A file grown past RLIMIT_FSIZE (a full quota) fails the write with EFBIG instead of killing the process:
    // the store reports the error and the daemon retries later.
    signal(SIGXFSZ, SIG_IGN)
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    runToCompletion { await VisitdCommand.main() }
  }

  /// Runs `command` in a detached task and blocks the main thread until it returns.
  private static func runToCompletion(_ command: @escaping @Sendable () async -> Void) {
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
      await command()
      finished.signal()
    }
    finished.wait()
  }
}
