import CLinux
import Control
import Foundation
import Synchronization

/// Why the daemon woke up.
enum Wake: Equatable, Sendable {
  /// The wall-clock deadline it slept until has come.
  case deadline
  /// The wall clock was set (NTP step, admin): every next instant must be computed again.
  case clockChanged
  /// The watchdog interval passed: time to ping systemd.
  case watchdog
  /// Another part of the daemon asked for attention.
  case interrupted(Interrupt)
}

/// A request to wake the sleeping loop.
enum Interrupt: Equatable, Sendable {
  /// A request from SIGHUP or `visitctl`: re-read the rules, or re-plan households whose facts changed.
  case control(ControlMessage)
  /// Finish the work in hand and stop.
  case shutdown
  /// This node became the leader or stopped being it.
  case leadershipChanged
}

/// Sleeps until a wall-clock instant, waking early when the clock is set, on SIGHUP, or when interrupted.
///
/// The deadline is a `CLOCK_REALTIME` timerfd armed with `TFD_TIMER_CANCEL_ON_SET`, so a clock
/// jump wakes the sleeper instead of leaving it asleep for the wrong length; SIGHUP arrives on a signalfd
/// (the process blocks it in every thread, see `HangupSignal`); nothing polls.
final class Sleeper: Sendable {
  private let timer: Int32
  private let bell: Int32
  private let hangup: Int32
  private let pending = Mutex<[Interrupt]>([])

  /// A sleeper with its own timer and wake-up descriptors; SIGHUP wakes it for a reload when `hangup`.
  init(hangup: Bool = false) throws {
    timer = timerfd_create(CLOCK_REALTIME, Int32(TFD_CLOEXEC))
    bell = eventfd(0, Int32(EFD_CLOEXEC))
    self.hangup = hangup ? HangupSignal.descriptor() : -1
    guard timer >= 0, bell >= 0, !hangup || self.hangup >= 0 else { throw SleeperError.descriptor(errno) }
  }

  deinit {
    close(timer)
    close(bell)
    if hangup >= 0 { close(hangup) }
  }

  /// Wakes the sleeper (now, or at its next sleep) with an interrupt.
  func interrupt(_ interrupt: Interrupt) {
    pending.withLock { $0.append(interrupt) }
    var one: UInt64 = 1
    _ = write(bell, &one, 8)
  }

  /// Blocks until `deadline` (nil: no deadline), the watchdog interval, a clock change or an interrupt.
  func sleep(until deadline: Date?, watchdogEvery interval: Duration?) -> [Wake] {
    if let interrupts = takeInterrupts() { return interrupts }
    arm(deadline)
    var descriptors = [
      pollfd(fd: timer, events: Int16(POLLIN), revents: 0),
      pollfd(fd: bell, events: Int16(POLLIN), revents: 0),
      pollfd(fd: hangup, events: Int16(POLLIN), revents: 0),
    ]
    let timeout =
      interval.map {
        Int32(clamping: $0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000)
      } ?? -1
    let ready = poll(&descriptors, 3, timeout)
    if ready == 0 { return [.watchdog] }
    var wakes: [Wake] = []
    if descriptors[0].revents != 0 { wakes.append(readTimer()) }
    if descriptors[1].revents != 0 {
      var count: UInt64 = 0
      _ = read(bell, &count, 8)
      wakes += takeInterrupts() ?? []
    }
    if descriptors[2].revents != 0 {
      var info = signalfd_siginfo()
      _ = read(hangup, &info, MemoryLayout<signalfd_siginfo>.size)
      wakes.append(.interrupted(.control(.reload)))
    }
    return wakes
  }

  /// Waits on a fresh thread so that the caller's task does not block the cooperative pool.
  func sleepDetached(until deadline: Date?, watchdogEvery interval: Duration?) async -> [Wake] {
    await withCheckedContinuation { continuation in
      let thread = Thread {
        continuation.resume(returning: self.sleep(until: deadline, watchdogEvery: interval))
      }
      thread.name = "visitd-sleeper"
      thread.start()
    }
  }

  private func takeInterrupts() -> [Wake]? {
    let taken = pending.withLock { list -> [Interrupt] in
      defer { list.removeAll() }
      return list
    }
    return taken.isEmpty ? nil : taken.map { .interrupted($0) }
  }

  private func arm(_ deadline: Date?) {
    // Without a deadline the timer is still armed (far ahead) so that a clock change wakes the loop.
    var spec = itimerspec()
    do {
      let seconds = max(
        (deadline ?? Date(timeIntervalSince1970: 4_102_444_800)).timeIntervalSince1970, 0.000_001)
      spec.it_value.tv_sec = Int(seconds.rounded(.down))
      spec.it_value.tv_nsec = Int((seconds - seconds.rounded(.down)) * 1e9)
    }
    _ = timerfd_settime(timer, Int32(TFD_TIMER_ABSTIME) | Int32(TFD_TIMER_CANCEL_ON_SET), &spec, nil)
  }

  private func readTimer() -> Wake {
    var expirations: UInt64 = 0
    let count = read(timer, &expirations, 8)
    return count < 0 && errno == ECANCELED ? .clockChanged : .deadline
  }
}

/// SIGHUP, taken out of the default disposition and read from a signalfd by the sleeper.
enum HangupSignal {
  /// Blocks SIGHUP in the calling thread and every thread it starts later; call first thing in `main`.
  static func block() {
    var set = hangupSet()
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }

  /// A signalfd that reads SIGHUP (blocked by `block()`), or -1.
  static func descriptor() -> Int32 {
    var set = hangupSet()
    return signalfd(-1, &set, Int32(SFD_CLOEXEC))
  }

  private static func hangupSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGHUP)
    return set
  }
}

/// A descriptor the sleeper needs could not be created.
enum SleeperError: Error {
  /// `timerfd_create` or `eventfd` failed with this errno.
  case descriptor(Int32)
}
