import Crypto
import Foundation
import Store

/// Issuing, checking and revoking bearer tokens and calendar-feed secrets; only a token's hash is ever stored.
public enum AccessTokens {
  /// What starts every secret, so that a leaked one is recognised (by people and secret scanners).
  public static let secretPrefix = "vd_"

  /// Issues a token for `principal` valid from `clock` for `days` days (for ever when nil), returning its
  /// secret (shown once, never stored) and its record.
  public static func issue(_ principal: Principal, expiresIn days: Int?, store: any AccessStore, clock: Date)
    throws -> (secret: String, record: TokenRecord)
  {
    if let days, days < 1 {
      throw OperationError("expires: \(days) days; expected 1 day or more (or no expiry)")
    }
    return try issue(
      principal, kind: .api, lifetime: days.map { TimeInterval($0) * 86_400 }, store: store, clock: clock)
  }

  /// Issues a secret of `kind` for `principal` valid from `clock` for `lifetime` seconds (for ever when nil).
  public static func issue(
    _ principal: Principal, kind: TokenKind, lifetime: TimeInterval?, store: any AccessStore, clock: Date
  ) throws -> (secret: String, record: TokenRecord) {
    try check(principal)
    var generator = SystemRandomNumberGenerator()
    let known = Set(try store.tokens().map(\.id))
    var id: String
    repeat {
      id = kind.rawValue + "-" + hex(UInt32.random(in: .min ... .max, using: &generator))
    } while known.contains(id)
    let secret =
      secretPrefix + base64URL((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    let record = TokenRecord(
      id: id, principal: principal, issued: clock, expires: lifetime.map { clock.addingTimeInterval($0) })
    try store.addToken(record, secretHash: secretHash(secret))
    return (secret, record)
  }

  /// The token `secret` stands for when it is accepted at `clock`; nil when it is unknown, revoked or expired.
  /// A secret of another kind than `kind` (a web session's cookie as a bearer token) is not accepted.
  public static func authenticate(
    secret: String, kind: TokenKind = .api, store: any AccessStore, clock: Date
  ) throws -> TokenRecord? {
    guard let record = try store.token(secretHash: secretHash(secret)), record.kind == kind,
      record.isValid(at: clock)
    else {
      return nil
    }
    return record
  }

  /// Revokes token `id` at `clock` and returns it revoked; an unknown or already revoked id is an error.
  @discardableResult
  public static func revoke(id: String, store: any AccessStore, clock: Date) throws -> TokenRecord {
    guard try store.revokeToken(id: id, at: clock) else {
      guard let known = try store.tokens().first(where: { $0.id == id }) else {
        throw OperationError("no token '\(id)'")
      }
      throw OperationError(
        "token '\(id)' was revoked already (at \(known.revoked?.formatted(.iso8601) ?? "?"))")
    }
    guard let revoked = try store.tokens().first(where: { $0.id == id }) else {
      throw OperationError("token '\(id)' vanished while it was revoked")
    }
    return revoked
  }

  /// The hash a secret is stored under: SHA-256, lowercase hex.
  public static func secretHash(_ secret: String) -> String {
    SHA256.hash(data: Data(secret.utf8)).map { hex($0) }.joined()
  }

  /// Refuses a principal whose name is empty or could not be read back from its text form, and an integration
  /// without scopes.
  private static func check(_ principal: Principal) throws {
    switch principal {
    case .steward(let name), .lead(project: let name), .calendar(steward: let name):
      guard !name.isEmpty, !name.contains(where: \.isNewline) else {
        throw OperationError("\(principal.identity): the name is empty or spans lines; expected an id")
      }
    case .integration(let name, let scopes):
      guard !name.isEmpty,
        name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
      else {
        throw OperationError(
          "integration '\(name)': expected a name of ASCII letters, digits, '-', '_' or '.'")
      }
      guard !scopes.isEmpty else {
        throw OperationError(
          "integration '\(name)': no scope; expected one or more of \(Scope.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
    case .operations, .admin: break
    }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }

  private static func hex(_ value: UInt32) -> String {
    (0..<4).map { hex(UInt8(truncatingIfNeeded: value >> (24 - 8 * $0))) }.joined()
  }

  /// Base64 with the URL-safe alphabet and no padding (RFC 4648 §5), fit for a header and a shell.
  private static func base64URL(_ bytes: [UInt8]) -> String {
    Data(bytes).base64EncodedString()
      .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
      .replacingOccurrences(of: "=", with: "")
  }
}
