import Crypto
import Foundation
import HTTPTypes
import OpenAPIRuntime

/// Checks the ticket system's signature over the raw body of `closeTicket`, before the body is decoded: the
/// header `X-Visitd-Signature: sha256=<hex HMAC-SHA256 of the body>`, as visitd signs its own webhooks.
struct TicketSignature: ServerMiddleware {
  /// The header carrying the signature.
  static let header = HTTPField.Name("X-Visitd-Signature")!
  /// The operations that must be signed.
  static let signedOperations: Set<String> = ["closeTicket"]

  /// Whether the running request's body carried a valid signature.
  @TaskLocal static var verified = false

  /// The shared secret (`[http] ticket_secret`); nil: signed operations are refused until one is configured.
  let secret: String?
  /// The largest body read.
  let maxBody: Int

  func intercept(
    _ request: HTTPRequest, body: HTTPBody?, metadata: ServerRequestMetadata, operationID: String,
    next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?)
  ) async throws -> (HTTPResponse, HTTPBody?) {
    guard Self.signedOperations.contains(operationID) else { return try await next(request, body, metadata) }
    guard let secret else {
      throw Problem(
        .serviceUnavailable, "Not configured",
        detail: "no secret for the ticket system: set [http] ticket_secret in visitd.toml")
    }
    let bytes = try await [UInt8](collecting: body ?? HTTPBody(), upTo: maxBody)
    guard let signature = request.headerFields[Self.header] else {
      throw Self.refused("the body is not signed: send \(Self.header): sha256=<hex HMAC-SHA256 of the body>")
    }
    guard Self.isValid(signature, body: bytes, secret: secret) else {
      throw Self.refused("the signature does not match the body")
    }
    return try await Self.$verified.withValue(true) { try await next(request, HTTPBody(bytes), metadata) }
  }

  /// Whether `signature` is `sha256=` and the hex HMAC-SHA256 of `body` under `secret`, compared in constant time.
  static func isValid(_ signature: String, body: [UInt8], secret: String) -> Bool {
    guard signature.hasPrefix("sha256="), let mac = bytes(hex: signature.dropFirst("sha256=".count)) else {
      return false
    }
    return HMAC<SHA256>.isValidAuthenticationCode(
      mac, authenticating: body, using: SymmetricKey(data: Data(secret.utf8)))
  }

  /// 401: the signature is missing or wrong.
  static func refused(_ detail: String) -> Problem {
    Problem(.unauthorized, "Bad signature", detail: detail)
  }

  /// The 32 bytes of a 64-digit hex text (an HMAC-SHA256); nil when it is not one.
  private static func bytes(hex: Substring) -> [UInt8]? {
    let digits = Array(hex.utf8)
    guard digits.count == 64 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    for index in stride(from: 0, to: digits.count, by: 2) {
      guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
      bytes.append(high << 4 | low)
    }
    return bytes
  }

  private static func value(_ digit: UInt8) -> UInt8? {
    switch digit {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
