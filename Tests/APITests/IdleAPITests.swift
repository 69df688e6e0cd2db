import Foundation
import Testing

/// An idle daemon makes no system call, also after the API has served reads and a write.
@Suite struct IdleAPITests {
  /// Context switches of every thread of `pid` so far, and how many threads it has.
  private func wakeUps(_ pid: pid_t) -> (switches: Int, threads: Int) {
    let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
    var switches = 0
    for task in tasks {
      let status = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8)) ?? ""
      for line in status.split(separator: "\n") where line.contains("ctxt_switches:") {
        switches += Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
      }
    }
    return (switches, tasks.count)
  }

  /// Waits (up to `deadline` seconds) until no thread of `pid` has run for `quiet` seconds in a row; whether it
  /// happened.
  private func becomesQuiet(_ pid: pid_t, quiet: Double, deadline: Double) async throws -> Bool {
    let end = Date().addingTimeInterval(deadline)
    var last = wakeUps(pid)
    var since = Date()
    while Date() < end {
      try await Task.sleep(for: .milliseconds(250))
      let now = wakeUps(pid)
      if now != last {
        (last, since) = (now, Date())
      } else if Date().timeIntervalSince(since) >= quiet {
        return true
      }
    }
    return false
  }

  @Test("after reads and a recorded visit, no thread of the daemon wakes while nothing is due")
  func sleepsAfterAWrite() async throws {
    let (daemon, cast) = try await DemoDaemon.started(Result { try APIDaemon() })
    let steward = try await daemon.token(["--steward", cast.steward])
    let day = try await daemon.request(.GET, "/api/v1/stewards/\(cast.steward)/day", token: steward)
    #expect(day.status == 200, "\(day.text)")
    let visit: [String: Any] = [
      "household": cast.household, "at": DemoDaemon.localTime(minutesAgo: 30), "channel": "phone",
      "steward": cast.steward, "outcome": "reached",
    ]
    let recorded = try await daemon.post("/api/v1/visits", token: steward, json: visit)
    #expect(recorded.status == 201, "\(recorded.text)")
    let pid = try #require(daemon.pid)
    // libdispatch's pool monitor, once started, wakes a thread every second: the daemon never stays quiet.
    #expect(try await becomesQuiet(pid, quiet: 3.5, deadline: 30), "\(daemon.log.suffix(2_000))")
  }
}
