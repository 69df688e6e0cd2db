import Dispatch
import Glibc
import NIOCore
import NIOPosix

/// The process entry: SIGHUP blocked (the sleeper reads it from a signalfd), Swift concurrency on SwiftNIO's
/// event-loop threads, then the command.
///
/// libdispatch's own thread pool arms a once-a-second monitor timer for as long as the process lives, once its
/// first worker thread starts (a signal source handler or a concurrent loop is enough); with NIO's event loops as
/// the global executor (they block in `epoll_wait`) and SIGHUP on a signalfd, an idle daemon sleeps until its
/// next due instant without any wake-up.
@main
enum Entry {
  static func main() {
    HangupSignal.block()
    // A file grown past RLIMIT_FSIZE (a full quota) fails the write with EFBIG instead of killing the process:
    // the store reports the error and the daemon retries later.
    signal(SIGXFSZ, SIG_IGN)
    NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
    let finished = DispatchSemaphore(value: 0)
    Task.detached {
      await VisitdCommand.main()
      finished.signal()
    }
    finished.wait()
  }
}
