import ArgumentParser
import Foundation
import Policy

/// `visitctl doctor`: checks an installation, one line per check; fails when any check fails.
struct DoctorCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "doctor",
    abstract: "Check rules, holidays, database, credentials, receivers, clock and disk; exit 1 on any FAIL.",
    discussion: """
      Each check prints one line, `ok|warn|FAIL  what: detail`. Receivers get a harmless check: a TCP \
      connection to an HTTP receiver's host and port (nothing is sent), the mail program executable.
      """)

  @OptionGroup var store: StoreOptions

  @OptionGroup var rules: RulesOptions

  @Option(help: "The receivers file (default: /etc/visitd/visitd.toml).")
  var deliveryConfig = "/etc/visitd/visitd.toml"

  @Option(help: "Seconds each receiver and the clock check may take.")
  var timeout: Double = 3

  /// Where systemd puts the running service's credentials (`LoadCredential=`).
  static let serviceCredentials = "/run/credentials/visitd.service"

  func run() throws {
    let clock = Date()
    var environment = ProcessInfo.processInfo.environment
    if environment["CREDENTIALS_DIRECTORY"] == nil,
      FileManager.default.fileExists(atPath: DoctorCommand.serviceCredentials)
    {
      environment["CREDENTIALS_DIRECTORY"] = DoctorCommand.serviceCredentials
    }
    let databasePath = store.resolvedPath
    let source = rules.source()
    let missing = rules.directories.filter { !source.existingDirectories.contains($0) }
    var findings = DoctorChecks.rules(source, missing: missing, at: clock)
    findings += DoctorChecks.database(databasePath)
    findings.append(DoctorChecks.deliveryConfig(deliveryConfig, environment: environment))
    findings += DoctorChecks.credentials(config: deliveryConfig, environment: environment)
    findings += DoctorChecks.receivers(config: deliveryConfig, environment: environment, timeout: timeout)
    findings.append(DoctorChecks.clock(timeout: timeout))
    findings.append(DoctorChecks.disk(databasePath: databasePath))
    for finding in findings { print(finding.line) }
    let failures = findings.filter { $0.level == .fail }.count
    let warnings = findings.filter { $0.level == .warn }.count
    print("\(findings.count) checks: \(failures) failed, \(warnings) warning(s)")
    if failures > 0 { throw ExitCode.failure }
  }
}
