import Foundation
import HTTPTypes

/// An RFC 9457 problem: what the client gets instead of an answer, naming each field at fault.
struct Problem: Error, Sendable, Encodable {
  /// One field at fault.
  struct FieldError: Sendable, Encodable {
    /// The field, as a JSON path into the request (`household`, `ratings.service`, `needs[0].category`).
    let field: String
    /// What is wrong with it.
    let message: String
  }

  /// The HTTP status.
  let status: HTTPResponse.Status
  /// A short summary of the kind of problem.
  let title: String
  /// What went wrong with this request.
  let detail: String?
  /// The fields at fault.
  let errors: [FieldError]
  /// Response headers that go with it (`Retry-After`, `WWW-Authenticate`).
  var headers: HTTPFields = [:]

  init(_ status: HTTPResponse.Status, _ title: String, detail: String? = nil, errors: [FieldError] = []) {
    self.status = status
    self.title = title
    self.detail = detail
    self.errors = errors
  }

  private enum CodingKeys: String, CodingKey { case type, title, status, detail, errors }

  /// Encodes the RFC 9457 members (`type` is always `about:blank`: the status says the kind).
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode("about:blank", forKey: .type)
    try container.encode(title, forKey: .title)
    try container.encode(status.code, forKey: .status)
    try container.encodeIfPresent(detail, forKey: .detail)
    if !errors.isEmpty { try container.encode(errors, forKey: .errors) }
  }

  /// The body as sent: `application/problem+json`.
  var body: Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)) ?? Data(#"{"type":"about:blank","title":"error","status":500}"#.utf8)
  }
}

extension Problem {
  /// 401: no token, or one that is unknown, revoked or expired.
  static let unauthenticated: Problem = {
    var problem = Problem(
      .unauthorized, "Not authenticated", detail: "send a valid token: Authorization: Bearer <token>")
    problem.headers[.wwwAuthenticate] = #"Bearer realm="visitd""#
    return problem
  }()

  /// 403: the caller's role does not allow `what`.
  static func forbidden(_ what: String) -> Problem { Problem(.forbidden, "Forbidden", detail: what) }

  /// 404: `what` is not known.
  static func notFound(_ what: String) -> Problem { Problem(.notFound, "Not found", detail: what) }

  /// 422: the request is well-formed but `field` is wrong.
  static func invalid(_ field: String, _ message: String) -> Problem {
    Problem(
      .unprocessableContent, "Invalid request", detail: "\(field): \(message)",
      errors: [FieldError(field: field, message: message)])
  }

  /// 422: several fields are wrong.
  static func invalid(_ problems: [(field: String, message: String)]) -> Problem {
    Problem(
      .unprocessableContent, "Invalid request",
      detail: problems.map { "\($0.field): \($0.message)" }.joined(separator: "; "),
      errors: problems.map { FieldError(field: $0.field, message: $0.message) })
  }
}
