import Foundation
import OpenAPIRuntime
import Operations
import Store

extension APIHandlers {
  func monthReport(_ input: Operations.MonthReport.Input) async throws -> Operations.MonthReport.Output {
    let caller = try Caller.required()
    try InputCheck.text(input.query.project, field: "project", limit: 64, required: true)
    let project = try caller.principal.reportProject(asked: input.query.project)
    guard let month = try InputCheck.month(input.query.month, field: "month") else {
      throw Problem.invalid("month", "is required")
    }
    guard let kind = ReportKind(rawValue: input.path.kind.rawValue) else {
      throw Problem.invalid("kind", "'\(input.path.kind.rawValue)' is not a report")
    }
    let csv = ReportFormat.wantsCSV(input.headers.accept)
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let made = try await environment.blocking { () -> (asOf: String, body: [UInt8]) in
      let report: MonthReport
      do {
        report = try MonthReport.load(
          store: store, rules: rules, month: month, asOf: nil, project: project,
          contacts: ContactStyle(showContact: false), withPlan: kind.needsPlan, stored: false, now: clock)
      } catch let error as OperationError {
        throw Problem.notFound(error.description)
      }
      let output = kind.build(report)
      return (report.asOf.description, csv ? output.csv : try ReportFormat.json(output.document))
    }
    if csv { return .ok(.init(body: .csv(HTTPBody(made.body)))) }
    let document = try JSONDecoder().decode(OpenAPIValueContainer.self, from: Data(made.body))
    return .ok(
      .init(
        body: .json(
          Components.Schemas.Report(
            kind: input.path.kind, month: month.description, asOf: made.asOf, project: project,
            document: document))))
  }
}

/// How a report is sent: JSON unless the client prefers CSV.
enum ReportFormat {
  /// Whether the first of JSON and CSV in `accept`, by quality, is CSV.
  static func wantsCSV(_ accept: [AcceptHeaderContentType<Operations.MonthReport.AcceptableContentType>])
    -> Bool
  {
    let ranked = accept.enumerated().sorted {
      ($0.element.quality.doubleValue, -$0.offset) > ($1.element.quality.doubleValue, -$1.offset)
    }
    for entry in ranked {
      switch entry.element.contentType {
      case .json: return false
      case .csv: return true
      case .other, .applicationProblemJson: continue
      }
    }
    return false
  }

  /// `document` as JSON, as `visitctl report --json` prints it.
  static func json(_ document: any Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return Array(try encoder.encode(document))
  }
}
