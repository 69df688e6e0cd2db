import ArgumentParser
import Control
import Delivery
import Foundation
import Operations
import Store

/// `visitctl token`: issues, lists and revokes the bearer tokens of the HTTP API and the calendar feeds' secrets.
struct TokenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "token",
    abstract:
      "Issue, list and revoke the bearer tokens of the HTTP API, the calendar feeds and the web app's sign-in links.",
    subcommands: [TokenIssue.self, TokenLink.self, TokenList.self, TokenRevoke.self],
    defaultSubcommand: TokenList.self)
}

/// `visitctl token link --steward S | --lead P | --operations [--base-url URL] [--send]`: a one-time sign-in link to
/// the web app, printed or sent to the person.
struct TokenLink: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "link",
    abstract: "Print, or send to the person, a one-time link that signs them in to the web app.",
    discussion: """
      The link works once, within 24 hours, and opens a session of 30 days in the browser that follows it \
      (listed as ses-… by `visitctl token list`; revoke it to sign the phone out). With --send the daemon \
      delivers it to the person alone, through the receiver their audience routes to (a WeCom or DingTalk \
      application, a Feishu app, or mail to their address in stewards.csv), never a group; without it, the \
      link is printed for you to hand over. A steward opens on 今日, a lead on the month's spot check, \
      operations on the summary.
      """)

  @Option(help: "For a steward, by steward id.")
  var steward: String?

  @Option(help: ArgumentHelp("For a project's lead, by project id.", valueName: "project"))
  var lead: String?

  @Flag(help: "For the operations department.")
  var operations = false

  @Option(help: "Where phones reach the web app (default: [web] base_url of the configuration).")
  var baseURL: String?

  @Flag(help: "Send the link to the person through the outbox instead of printing it.")
  var send = false

  @Option(help: "The configuration file ([web] base_url, receivers and routes).")
  var config = "/etc/visitd/visitd.toml"

  @OptionGroup var store: StoreOptions

  func validate() throws {
    let given = [steward != nil, lead != nil, operations].filter { $0 }.count
    guard given == 1 else {
      throw ValidationError("give exactly one person: --steward ID, --lead PROJECT or --operations")
    }
  }

  func run() throws {
    let database = try store.open(writing: true)
    let catalog = try database.catalog(withHouseholds: false)
    let principal: Principal
    if let steward {
      guard catalog.stewards.contains(steward) else {
        throw ValidationError(
          "--steward '\(steward)': no such steward in the database; import stewards first")
      }
      principal = .steward(steward)
    } else if let lead {
      guard catalog.projectZones[lead] != nil else {
        throw ValidationError("--lead '\(lead)': no such project in the database; import projects first")
      }
      principal = .lead(project: lead)
    } else {
      principal = .operations
    }
    let settings = try DeliveryConfigLoader().load(path: config)
    if send {
      guard let base = baseURL ?? settings.webBaseURL else {
        throw ValidationError(
          "--send: where do phones reach the web app? Set [web] base_url in \(config) or give --base-url")
      }
      let (key, record) = try SignInDelivery(baseURL: base, zone: settings.zone).send(
        to: principal, store: database, clock: Date())
      // A daemon beside the database reads the outbox's next due instant again on any notice.
      ControlSocket.send(
        .factsChanged([]),
        to: ControlSocket.defaultPath(
          environment: ProcessInfo.processInfo.environment, databasePath: store.resolvedPath))
      print(
        "visitctl: sign-in link \(record.id) for \(record.principal) queued as outbox \(key); it works once")
      return
    }
    let (secret, record) = try WebSignIn.issueLink(for: principal, store: database, clock: Date())
    let chosen = baseURL ?? settings.webBaseURL ?? "http://127.0.0.1:8740"
    let base = chosen.hasSuffix("/") ? String(chosen.dropLast()) : chosen
    print("\(base)/app/signin/\(secret)")
    standardError(
      "visitctl: issued sign-in link \(record.id) for \(record.principal), "
        + "until \(record.expires?.formatted(.iso8601) ?? "?"); it works once")
  }
}

/// `visitctl token issue --steward S | --lead PROJECT | --operations | --admin | --integration NAME --scope … |
/// --calendar S`.
struct TokenIssue: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "issue",
    abstract: "Issue a token for one role and print its secret, once.",
    discussion: """
      Only the secret's SHA-256 is stored: a lost secret is revoked and a new token issued. A --calendar secret \
      is not a bearer token: it opens one steward's feed at /calendar/SECRET.ics and nothing else; to rotate it, \
      issue a new one and revoke the old.
      """)

  @Option(help: "For a steward (their areas' households), by steward id.")
  var steward: String?

  @Option(
    help: ArgumentHelp(
      "For a project's lead (the project's households), by project id.", valueName: "project"))
  var lead: String?

  @Flag(help: "For the operations department (every household).")
  var operations = false

  @Flag(help: "For an administrator (configuration, outbox, tokens).")
  var admin = false

  @Option(help: "For another system (the CRM, the ticket system), by a name of your choosing; needs --scope.")
  var integration: String?

  @Option(
    name: .customLong("scope"),
    help:
      "What the integration may do: \(Scope.allCases.map(\.rawValue).joined(separator: ", ")); repeatable.")
  var scopes: [String] = []

  @Option(
    help: ArgumentHelp(
      "For a steward's calendar feed (/calendar/SECRET.ics), by steward id.", valueName: "steward"))
  var calendar: String?

  @Option(help: "Days until the token stops working (default: never).")
  var expires: Int?

  @OptionGroup var store: StoreOptions

  func validate() throws {
    let given: KeyValuePairs<String, Bool> = [
      "--steward": steward != nil, "--lead": lead != nil, "--operations": operations, "--admin": admin,
      "--integration": integration != nil, "--calendar": calendar != nil,
    ]
    let chosen = given.filter(\.value).map(\.key)
    guard chosen.count == 1 else {
      throw ValidationError(
        "give exactly one role: --steward ID, --lead PROJECT, --operations, --admin, --integration NAME "
          + "or --calendar STEWARD; "
          + (chosen.isEmpty ? "none was given" : "got \(chosen.joined(separator: " and "))"))
    }
    if let expires, expires < 1 {
      throw ValidationError("--expires \(expires): expected a number of days, 1 or more (omit it: never)")
    }
    if integration == nil, !scopes.isEmpty {
      throw ValidationError("--scope is for an --integration token; \(chosen[0]) tokens carry no scopes")
    }
  }

  func run() throws {
    let database = try store.open(writing: true)
    let principal = try principal(known: try database.catalog(withHouseholds: false))
    let (secret, record) = try AccessTokens.issue(
      principal, expiresIn: expires, store: database, clock: Date())
    print(secret)
    if case .calendar = record.principal {
      standardError("visitctl: the feed is at /calendar/\(secret).ics on the daemon's HTTP address")
    }
    let until = record.expires.map { "until \($0.formatted(.iso8601))" } ?? "without expiry"
    standardError(
      "visitctl: issued \(record.id) for \(record.principal), \(until); "
        + "the secret above is not stored and will not be shown again")
  }

  /// The principal the options name, checked against what the store knows.
  private func principal(known catalog: Catalog) throws -> Principal {
    if let steward {
      guard catalog.stewards.contains(steward) else {
        throw ValidationError(
          "--steward '\(steward)': no such steward in the database; import stewards first")
      }
      return .steward(steward)
    }
    if let lead {
      guard catalog.projectZones[lead] != nil else {
        throw ValidationError("--lead '\(lead)': no such project in the database; import projects first")
      }
      return .lead(project: lead)
    }
    if let calendar {
      guard catalog.stewards.contains(calendar) else {
        throw ValidationError(
          "--calendar '\(calendar)': no such steward in the database; import stewards first")
      }
      return .calendar(steward: calendar)
    }
    if let integration { return .integration(name: integration, scopes: try scopeSet()) }
    return operations ? .operations : .admin
  }

  private func scopeSet() throws -> Set<Scope> {
    let names = Scope.allCases.map(\.rawValue).joined(separator: ", ")
    guard !scopes.isEmpty else {
      throw ValidationError("--integration needs at least one --scope: \(names)")
    }
    return Set(
      try scopes.map { word in
        guard let scope = Scope(rawValue: word) else {
          throw ValidationError("--scope '\(word)' is not a scope; expected one of \(names)")
        }
        return scope
      })
  }
}

/// `visitctl token list [--json]`.
struct TokenList: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the tokens, oldest first (never their secrets).")

  @Flag(help: "Print JSON.")
  var json = false

  @OptionGroup var store: StoreOptions

  func run() throws {
    let now = Date()
    let listed = try store.open().tokens().map { ListedToken($0, now: now) }
    guard !json else { return print(try JSONText.encode(listed)) }
    var table = TextTable(headers: ["id", "principal", "issued", "expires", "state"])
    for token in listed {
      table.append([
        token.id, token.principal, token.issued.formatted(.iso8601),
        token.expires?.formatted(.iso8601) ?? "never", token.state,
      ])
    }
    print(table.text)
  }
}

/// A token as `token list` shows it.
struct ListedToken: Encodable {
  let id: String
  /// `Principal.description`: the identity, an integration's scopes in brackets.
  let principal: String
  let issued: Date
  let expires: Date?
  let revoked: Date?
  /// `valid`, `revoked` or `expired`.
  let state: String

  init(_ record: TokenRecord, now: Date) {
    id = record.id
    principal = record.principal.description
    issued = record.issued
    expires = record.expires
    revoked = record.revoked
    state = record.revoked != nil ? "revoked" : record.isValid(at: now) ? "valid" : "expired"
  }
}

/// `visitctl token revoke ID`.
struct TokenRevoke: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "revoke", abstract: "Revoke a token: it stops working at once.")

  @Argument(help: "The token's id (tok-…), as `visitctl token list` shows it.")
  var id: String

  @OptionGroup var store: StoreOptions

  func run() throws {
    let revoked = try AccessTokens.revoke(id: id, store: try store.open(writing: true), clock: Date())
    print("revoked \(revoked.id) (\(revoked.principal))")
  }
}
