import Foundation

/// Who a token speaks for: a bearer token, or a steward's calendar feed.
public enum Principal: Sendable, Hashable, CustomStringConvertible {
  /// A steward (管家): the households of the areas they are in charge of.
  case steward(String)
  /// A project lead (项目负责人): the households of one project.
  case lead(project: String)
  /// Operations (运营管理部): every household.
  case operations
  /// An administrator: everything, the outbox and the tokens included.
  case admin
  /// Another system (the CRM, the ticket system): only what its scopes allow.
  case integration(name: String, scopes: Set<Scope>)
  /// A steward's calendar feed (`/calendar/SECRET.ics`): its secret reads that feed and nothing else.
  case calendar(steward: String)

  /// `steward:S`, `lead:P`, `operations`, `admin`, `integration:NAME[visits:write,…]` or `calendar:S`.
  public var description: String {
    switch self {
    case .steward(let id): "steward:\(id)"
    case .lead(let project): "lead:\(project)"
    case .operations: "operations"
    case .admin: "admin"
    case .integration(let name, let scopes):
      "integration:\(name)[\(scopes.map(\.rawValue).sorted().joined(separator: ","))]"
    case .calendar(let steward): "calendar:\(steward)"
    }
  }
}

/// What an integration token may do.
public enum Scope: String, Sendable, Hashable, CaseIterable {
  /// Record visits (the CRM).
  case visitsWrite = "visits:write"
  /// Record household events and ticket closures (the CRM, the ticket system).
  case eventsWrite = "events:write"
  /// Read the reports.
  case reportsRead = "reports:read"
}

/// What a stored secret opens, told by its id's prefix.
public enum TokenKind: String, Sendable, CaseIterable {
  /// A bearer token for the API (`tok-…`).
  case api = "tok"
  /// A one-time link that signs a person in to the web app (`lnk-…`).
  case signInLink = "lnk"
  /// A signed-in web app session, carried in a cookie (`ses-…`).
  case session = "ses"
}

/// A token as stored: everything but its secret, of which only a hash is kept.
public struct TokenRecord: Sendable, Hashable {
  /// The token's public id (`tok-…`), for listing and revoking.
  public let id: String
  /// Whom it speaks for.
  public let principal: Principal
  /// When it was issued.
  public let issued: Date
  /// When it stops working; nil: never.
  public let expires: Date?
  /// When it was revoked; nil: not revoked.
  public let revoked: Date?

  /// A token record.
  public init(id: String, principal: Principal, issued: Date, expires: Date?, revoked: Date? = nil) {
    self.id = id
    self.principal = principal
    self.issued = issued
    self.expires = expires
    self.revoked = revoked
  }

  /// What the token opens (an API token when its id has no known prefix).
  public var kind: TokenKind {
    TokenKind.allCases.first { id.hasPrefix($0.rawValue + "-") } ?? .api
  }

  /// Whether the token is accepted at `instant`: not revoked and not expired.
  public func isValid(at instant: Date) -> Bool {
    revoked == nil && (expires.map { instant < $0 } ?? true)
  }
}

/// One read of an owner's full contact: who read whose, when, and why.
public struct AccessRecord: Sendable, Hashable {
  /// When.
  public let at: Date
  /// The token's id.
  public let token: String
  /// Whom the token speaks for.
  public let principal: Principal
  /// The household whose contact was read.
  public let household: String
  /// What was read (`phone`).
  public let what: String
  /// The reason the reader gave.
  public let why: String

  /// A record of a contact read.
  public init(at: Date, token: String, principal: Principal, household: String, what: String, why: String) {
    self.at = at
    self.token = token
    self.principal = principal
    self.household = household
    self.what = what
    self.why = why
  }
}

/// The first answer to a request made with an idempotency key, given again to its retries.
public struct IdempotentAnswer: Sendable, Hashable {
  /// A digest of the request the key was first used with; a retry with another request is refused.
  public let requestDigest: String
  /// The HTTP status answered.
  public let status: Int
  /// The body answered (JSON).
  public let body: Data

  /// An answer to keep.
  public init(requestDigest: String, status: Int, body: Data) {
    self.requestDigest = requestDigest
    self.status = status
    self.body = body
  }
}

/// Bearer tokens, the log of full-contact reads, and idempotent answers.
public protocol AccessStore: Sendable {
  /// Stores a new token under the hash of its secret.
  func addToken(_ record: TokenRecord, secretHash: String) throws

  /// The token whose secret hashes to `secretHash`, revoked and expired ones included; nil when none.
  func token(secretHash: String) throws -> TokenRecord?

  /// Every token, oldest first.
  func tokens() throws -> [TokenRecord]

  /// Revokes token `id` at `instant`; false when there is no such token or it was revoked already.
  func revokeToken(id: String, at instant: Date) throws -> Bool

  /// Appends a record to the access log.
  func recordAccess(_ record: AccessRecord) throws

  /// Appends records to the access log together: all of them or none.
  func recordAccess(_ records: [AccessRecord]) throws

  /// The access log, oldest first, from `since` on (everything when nil), at most `limit` records.
  func accessLog(since: Date?, limit: Int) throws -> [AccessRecord]

  /// The answer kept for `key` used by `token`; nil when the key is new.
  func idempotentAnswer(token: String, key: String) throws -> IdempotentAnswer?

  /// Keeps the first answer for `key` used by `token` (a later one for the same key is ignored), returning the
  /// one kept.
  func keepAnswer(_ answer: IdempotentAnswer, token: String, key: String, at instant: Date) throws
    -> IdempotentAnswer
}
