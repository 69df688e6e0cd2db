import Foundation
import Testing

@testable import visitd

@Test func sleeperWakesAtItsWallClockDeadline() throws {
  let sleeper = try Sleeper()
  let start = Date()
  let wakes = sleeper.sleep(until: start.addingTimeInterval(0.2), watchdogEvery: nil)
  #expect(wakes == [.deadline])
  #expect(Date().timeIntervalSince(start) >= 0.19)
}

@Test func aDeadlineInThePastWakesAtOnce() throws {
  let sleeper = try Sleeper()
  #expect(sleeper.sleep(until: Date(timeIntervalSince1970: 0), watchdogEvery: nil) == [.deadline])
}

@Test func watchdogIntervalWakesBeforeAFarDeadline() throws {
  let sleeper = try Sleeper()
  let wakes = sleeper.sleep(until: Date().addingTimeInterval(3600), watchdogEvery: .milliseconds(50))
  #expect(wakes == [.watchdog])
}

@Test func interruptsWakeTheSleeperFromAnotherThread() async throws {
  let sleeper = try Sleeper()
  Thread.detachNewThread {
    Thread.sleep(forTimeInterval: 0.05)
    sleeper.interrupt(.control(.reload))
  }
  let wakes = await sleeper.sleepDetached(until: nil, watchdogEvery: nil)
  #expect(wakes == [.interrupted(.control(.reload))])
}

@Test func interruptsQueuedBeforeSleepingAreDeliveredInOrder() throws {
  let sleeper = try Sleeper()
  sleeper.interrupt(.control(.factsChanged(["H1"])))
  sleeper.interrupt(.shutdown)
  #expect(
    sleeper.sleep(until: nil, watchdogEvery: nil) == [
      .interrupted(.control(.factsChanged(["H1"]))), .interrupted(.shutdown),
    ])
}
