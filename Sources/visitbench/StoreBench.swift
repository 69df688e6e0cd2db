import Foundation

/// The store benchmark, through real `visitctl` processes: demo generation, import, listings, file size.
struct StoreBench {
  let options: BenchOptions
  let visitctl: String

  func run() throws {
    let folder = try options.work ?? temporaryFolder()
    let database = "\(folder)/bench.sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
    print("store: \(options.households) households over \(options.projects) projects in \(database)")
    let demo = "\(folder)/demo"
    let generated = try time([
      "demo", "generate", "--projects", "\(options.projects)", "--households", "\(options.households)",
      "--out", demo,
    ])
    print(Measure.line("demo generate (CSV files)", Measure.duration(generated)))
    let imported = try time(["import", "all", demo, "--db", database, "--rules", options.rules])
    print(
      Measure.line(
        "import all (5 files, one change with its re-plan)", Measure.duration(imported), target: "≤ 30 s",
        met: imported <= 30))
    let steward = "P001-S01"
    // The listings are timed once the import's pages are on disk (the checkpoint of a 1 GB write-ahead log
    // is still being written back right after it), as a steward lists tasks long after an import.
    flushToDisk()
    try listing("tasks --steward \(steward)", ["tasks", "--steward", steward], database: database)
    try listing(
      "plan --month 2026-10 --steward \(steward)", ["plan", "--month", "2026-10", "--steward", steward],
      database: database)
    try visits(database: database)
    let size = (try? FileManager.default.attributesOfItem(atPath: database)[.size] as? Int) ?? 0
    print(Measure.line("database file size", Measure.bytes(size)))
  }

  private func flushToDisk() {
    let sync = Process()
    sync.executableURL = URL(fileURLWithPath: "/bin/sync")
    try? sync.run()
    sync.waitUntilExit()
  }

  private func listing(_ what: String, _ arguments: [String], database: String) throws {
    _ = try time(arguments + ["--db", database, "--rules", options.rules])
    let runs = try (0..<options.runs).map { _ in
      try time(arguments + ["--db", database, "--rules", options.rules])
    }
    let median = Measure.median(runs)
    print(
      Measure.line(
        "\(what) (whole process, median of \(runs.count) after one)", Measure.duration(median),
        target: "≤ 50 ms", met: median <= 0.05))
  }

  /// `visit record` on one household at a time: the write and its re-plan in one transaction, whole process.
  private func visits(database: String) throws {
    let formatter = DateFormatter()
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")
    let runs = try (0..<options.runs).map { run in
      let at = formatter.string(from: Date().addingTimeInterval(Double(-60 * (run + 1))))
      return try time([
        "visit", "record", "P001-01-1-10\(run % 2 + 1)", "--channel", "phone", "--at", at,
        "--steward", "P001-S01", "--db", database, "--rules", options.rules,
      ])
    }
    print(
      Measure.line(
        "visit record (write + re-plan, whole process, median of \(runs.count))",
        Measure.duration(Measure.median(runs))))
  }

  /// Runs visitctl with `arguments`, output discarded; returns the wall seconds, throwing when it fails.
  ///
  /// Spawned and reaped with `posix_spawn` and `waitpid`: Foundation's `waitUntilExit` polls its run loop
  /// every 50 ms, which would round every short run up to it.
  private func time(_ arguments: [String]) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([visitctl] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    var status: Int32 = 0
    let (spawned, seconds) = Measure.wall { () -> Int32 in
      let result = posix_spawn(&pid, visitctl, &actions, nil, argv, environ)
      if result == 0 { waitpid(pid, &status, 0) }
      return result
    }
    guard spawned == 0, status == 0 else {
      throw BenchError(
        "visitctl \(arguments.joined(separator: " ")) failed (spawn \(spawned), status \(status))")
    }
    return seconds
  }

  private func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "visitbench-\(getpid())"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
