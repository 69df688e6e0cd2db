import Delivery
import Foundation
import Operations
import Policy
import StoreOpening
import StoreSQLite

/// One finding of `visitctl doctor`: `ok|warn|FAIL  what: detail`.
struct DoctorFinding: Equatable {
  /// How bad it is.
  enum Level: String {
    case ok, warn
    case fail = "FAIL"
  }

  let level: Level
  let what: String
  let detail: String

  /// The line printed.
  var line: String { level.rawValue.padding(toLength: 6, withPad: " ", startingAt: 0) + "\(what): \(detail)" }
}

/// The checks of `visitctl doctor`, each giving one or more findings; none prints a name, a phone number or a
/// secret.
enum DoctorChecks {
  /// The rules load without a problem, and the holidays of this and next year are official.
  static func rules(_ source: RuleSource, missing: [String], at clock: Date) -> [DoctorFinding] {
    guard missing.isEmpty else {
      return [
        DoctorFinding(
          level: .fail, what: "rules", detail: "no such directory: \(missing.joined(separator: ", "))")
      ]
    }
    let load = PolicyLoader.load(source, checkingCalendarsAfter: clock)
    guard let ruleSet = load.ruleSet, load.problems.isEmpty else {
      let first = load.problems.first.map { "\($0)" } ?? "no rules found"
      let more = load.problems.count > 1 ? " (and \(load.problems.count - 1) more problem(s))" : ""
      let searched =
        source.existingDirectories.isEmpty ? "" : " in \(source.existingDirectories.joined(separator: ", "))"
      return [DoctorFinding(level: .fail, what: "rules", detail: first + more + searched)]
    }
    var findings = [
      DoctorFinding(
        level: .ok, what: "rules",
        detail: "\(ruleSet.rules.count) rules, \(ruleSet.schedules.count) schedules from "
          + load.directories.joined(separator: " → "))
    ]
    let holidays = HolidayStatus(ruleSet.holidays, at: clock, zone: ruleSet.settings.timeZone)
    for year in holidays.years {
      let provisional = holidays.provisional.contains(year)
      let level: DoctorFinding.Level =
        !provisional ? .ok : (year == holidays.years.lowerBound || holidays.nextYearDue) ? .warn : .ok
      let detail =
        provisional
        ? "no official file (computed, without make-up working days); install holidays-\(year).toml"
          + (level == .ok ? " before 1 November" : "")
        : "official"
      findings.append(DoctorFinding(level: level, what: "holidays \(year)", detail: detail))
    }
    return findings
  }

  /// The database opens, passes `PRAGMA integrity_check` and has this version's schema.
  static func database(_ path: String) -> [DoctorFinding] {
    if StoreOpening.isPostgres(path) {
      do {
        _ = try StoreOpening.open(path)
        return [
          DoctorFinding(level: .ok, what: "database", detail: "the PostgreSQL database opens and is migrated")
        ]
      } catch {
        return [DoctorFinding(level: .fail, what: "database", detail: "\(error)")]
      }
    }
    guard FileManager.default.fileExists(atPath: path) else {
      return [DoctorFinding(level: .fail, what: "database", detail: "\(path): no such file")]
    }
    let inspection: DatabaseInspection
    do {
      inspection = try DatabaseBackup.inspect(path)
    } catch {
      return [DoctorFinding(level: .fail, what: "database", detail: "\(path) does not open: \(error)")]
    }
    var findings = [
      DoctorFinding(
        level: .ok, what: "database",
        detail: "\(path) opens (\(ByteSize.text(inspection.size)), \(inspection.households) households)")
    ]
    if inspection.problems.isEmpty {
      findings.append(DoctorFinding(level: .ok, what: "database integrity", detail: "integrity_check ok"))
    } else {
      findings.append(
        DoctorFinding(
          level: .fail, what: "database integrity",
          detail: "\(inspection.problems.count) problem(s): "
            + inspection.problems.prefix(3).joined(separator: "; ")))
      return findings
    }
    let known = DatabaseBackup.knownMigrations.last ?? "?"
    if inspection.migrations.isEmpty {
      findings.append(DoctorFinding(level: .fail, what: "database schema", detail: "not a visitd database"))
    } else if !inspection.unknownMigrations.isEmpty {
      findings.append(
        DoctorFinding(
          level: .fail, what: "database schema",
          detail: "\(inspection.schemaVersion) is newer than this version's \(known); upgrade visitd"))
    } else if !inspection.pendingMigrations.isEmpty {
      findings.append(
        DoctorFinding(
          level: .warn, what: "database schema",
          detail: "\(inspection.schemaVersion), not yet \(known): the daemon migrates it at its start"))
    } else {
      findings.append(DoctorFinding(level: .ok, what: "database schema", detail: "\(known), current"))
    }
    return findings
  }

  /// The receivers file loads as the daemon loads it.
  static func deliveryConfig(_ config: String, environment: [String: String]) -> DoctorFinding {
    guard FileManager.default.fileExists(atPath: config) else {
      return DoctorFinding(
        level: .ok, what: "delivery config", detail: "\(config) absent: messages go to the journal")
    }
    do {
      let loaded = try DeliveryConfigLoader(environment: environment).load(path: config)
      return DoctorFinding(
        level: .ok, what: "delivery config",
        detail: "\(config): \(loaded.receivers.count) receivers, \(loaded.routes.count) routes")
    } catch {
      return DoctorFinding(level: .fail, what: "delivery config", detail: "\(error)")
    }
  }

  /// Every secret visitd.toml refers to can be read, each named by its key.
  static func credentials(config: String, environment: [String: String]) -> [DoctorFinding] {
    guard FileManager.default.fileExists(atPath: config) else {
      return [DoctorFinding(level: .ok, what: "credentials", detail: "\(config) absent: no secret needed")]
    }
    let checks: [SecretCheck]
    do {
      checks = try ConfigCheck(environment: environment).secrets(path: config)
    } catch {
      return [DoctorFinding(level: .fail, what: "credentials", detail: "\(error)")]
    }
    guard !checks.isEmpty else {
      return [DoctorFinding(level: .ok, what: "credentials", detail: "\(config) refers to no secret")]
    }
    return checks.map { check in
      guard let problem = check.problem else {
        return DoctorFinding(level: .ok, what: "credential \(check.key)", detail: "readable")
      }
      return DoctorFinding(level: .fail, what: "credential \(check.key)", detail: problem)
    }
  }

  /// Each receiver of visitd.toml answers a harmless check (a TCP connection; the mail program executable),
  /// each within `timeout` seconds.
  static func receivers(config: String, environment: [String: String], timeout: TimeInterval)
    -> [DoctorFinding]
  {
    let endpoints: [ReceiverEndpoint]
    do {
      endpoints = try ConfigCheck(environment: environment).receivers(path: config)
    } catch {
      return [DoctorFinding(level: .fail, what: "receivers", detail: "\(error)")]
    }
    guard !endpoints.isEmpty else {
      return [
        DoctorFinding(level: .ok, what: "receivers", detail: "none configured: messages go to the journal")
      ]
    }
    return endpoints.map { endpoint in
      let what = "receiver \(endpoint.name)"
      switch endpoint.target {
      case .journal:
        return DoctorFinding(level: .ok, what: what, detail: "the journal")
      case .program(let path):
        return FileManager.default.isExecutableFile(atPath: path)
          ? DoctorFinding(level: .ok, what: what, detail: "\(path) is executable")
          : DoctorFinding(level: .fail, what: what, detail: "\(path) is missing or not executable")
      case .network(let host, let port):
        let started = Date()
        if let problem = ReachabilityProbe.connect(host: host, port: port, timeout: timeout) {
          return DoctorFinding(level: .fail, what: what, detail: "\(host):\(port): \(problem)")
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        return DoctorFinding(
          level: .ok, what: what, detail: "\(host):\(port) accepts connections (\(milliseconds) ms)")
      case .unusable(let problem):
        return DoctorFinding(level: .fail, what: what, detail: "\(endpoint.type): \(problem)")
      }
    }
  }

  /// The clock is synchronised, as `timedatectl show -p NTPSynchronized --value` says; a warning when it says
  /// no or cannot tell.
  static func clock(timeout: TimeInterval) -> DoctorFinding {
    let candidates = ["/usr/bin/timedatectl", "/bin/timedatectl"]
    guard let program = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
      return DoctorFinding(
        level: .warn, what: "clock", detail: "timedatectl not found; cannot tell if synchronised")
    }
    let output = Pipe()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = ["show", "-p", "NTPSynchronized", "--value"]
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    do {
      try process.run()
    } catch {
      return DoctorFinding(level: .warn, what: "clock", detail: "cannot run \(program): \(error)")
    }
    guard ended.wait(timeout: .now() + timeout) == .success else {
      process.terminate()
      return DoctorFinding(
        level: .warn, what: "clock", detail: "timedatectl gave no answer within \(Int(timeout)) s")
    }
    let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    switch (process.terminationStatus, answer) {
    case (0, "yes"): return DoctorFinding(level: .ok, what: "clock", detail: "synchronised (timedatectl)")
    case (0, "no"):
      return DoctorFinding(level: .warn, what: "clock", detail: "not synchronised (timedatectl)")
    default:
      return DoctorFinding(
        level: .warn, what: "clock", detail: "timedatectl cannot tell (exit \(process.terminationStatus))")
    }
  }

  /// The free space of the database's file system: a warning below 1 GiB or 10 %, a failure below 100 MiB.
  static func disk(databasePath: String) -> DoctorFinding {
    var folder = URL(fileURLWithPath: databasePath).deletingLastPathComponent().path
    while !FileManager.default.fileExists(atPath: folder) && folder != "/" {
      folder = URL(fileURLWithPath: folder).deletingLastPathComponent().path
    }
    var stats = statvfs()
    guard statvfs(folder, &stats) == 0 else {
      return DoctorFinding(
        level: .fail, what: "disk", detail: "\(folder): \(String(cString: strerror(errno)))")
    }
    let free = Int64(stats.f_bavail) * Int64(stats.f_frsize)
    let total = Int64(stats.f_blocks) * Int64(stats.f_frsize)
    let percent = total > 0 ? Int(free * 100 / total) : 0
    let detail = "\(ByteSize.text(free)) free (\(percent) %) on the file system of \(folder)"
    let mebibyte: Int64 = 1 << 20
    if free < 100 * mebibyte { return DoctorFinding(level: .fail, what: "disk", detail: detail) }
    if free < 1024 * mebibyte || percent < 10 {
      return DoctorFinding(level: .warn, what: "disk", detail: detail)
    }
    return DoctorFinding(level: .ok, what: "disk", detail: detail)
  }
}
