import ArgumentParser
import CalendarSpec
import Foundation
import Operations
import Store

/// `visitctl audit [--since YYYY-MM-DD] [--json]`: who read whose full contact, when and why.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "List the access log: every read of an owner's full contact, oldest first.")

  @Option(help: "From this day on (YYYY-MM-DD, in --zone).")
  var since: String?

  @Option(help: "The time zone of --since and of the times shown.")
  var zone = "Asia/Shanghai"

  @Option(help: "At most this many records.")
  var limit = 10_000

  @Flag(help: "Print JSON.")
  var json = false

  @OptionGroup var store: StoreOptions

  func run() throws {
    guard let timeZone = TimeZone(identifier: zone) else {
      throw ValidationError("--zone '\(zone)' is not a time zone; expected an IANA name like Asia/Shanghai")
    }
    let from = try since.map { try DateArguments.day($0, option: "--since").startInstant(in: timeZone) }
    let records = try store.open().accessLog(since: from, limit: limit).map(AuditEntry.init)
    guard !json else { return print(try JSONText.encode(records)) }
    var table = TextTable(headers: ["when", "token", "principal", "household", "what", "why"])
    for record in records {
      table.append([
        InstantText.minuteWithOffset(record.at, in: timeZone), record.token, record.principal,
        record.household,
        record.what, record.why,
      ])
    }
    print(records.isEmpty ? "the access log is empty" + (since.map { " from \($0) on" } ?? "") : table.text)
  }
}

/// A record of the access log as `audit` shows it.
struct AuditEntry: Encodable {
  let at: Date
  let token: String
  /// `Principal.description`.
  let principal: String
  let household: String
  let what: String
  let why: String

  init(_ record: AccessRecord) {
    at = record.at
    token = record.token
    principal = record.principal.description
    household = record.household
    what = record.what
    why = record.why
  }
}
