import Foundation

/// The JSON an outbox row carries: which report, for whom, a plain-text rendering and the report's data.
///
/// Owners appear only as household code, surname and masked phone.
struct NoticePayload: Encodable {
  /// The report name (`daily-digest`, `spot-check`, …).
  let report: String
  /// The audience (`steward`, `project-lead`, `operations`).
  let audience: String
  /// The steward id, project id or `operations` the notice is for.
  let recipient: String
  /// The project, when the notice is about one.
  let project: String?
  /// A one-line subject.
  let title: String
  /// The plain-text body (Chinese), for the console, journal and mail.
  let text: String
  /// The report's data for templates and machines.
  let data: AnyReport?

  /// The payload as compact JSON text.
  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }
}

/// A report value of any type, encoded as itself.
struct AnyReport: Encodable {
  private let encodeValue: (any Encoder) throws -> Void

  /// Wraps an encodable report.
  init(_ value: some Encodable) { encodeValue = value.encode }

  func encode(to encoder: any Encoder) throws { try encodeValue(encoder) }
}
