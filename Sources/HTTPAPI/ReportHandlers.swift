import Foundation
import OpenAPIRuntime
import Operations
import Spreadsheets
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
    let format = ReportFormat.preferred(input.headers.accept)
    let rules = try environment.requireRules()
    let store = environment.store
    let clock = environment.clock()
    let made = try await environment.blocking { () -> (asOf: String, body: [UInt8]) in
      let report: MonthReport
      do {
        report = try MonthReport.load(
          store: store, rules: rules, month: month, asOf: nil, project: project,
          contacts: ContactStyle(showContact: false), withPlan: kind.needsPlan, stored: false, now: clock,
          withVisitTexts: kind == .register)
      } catch let error as OperationError {
        throw Problem.notFound(error.description)
      }
      let output = kind.build(report)
      switch format {
      case .json: return (report.asOf.description, try ReportFormat.json(output.document))
      case .csv: return (report.asOf.description, output.csv)
      case .xlsx: return (report.asOf.description, try Workbook.bytes(output.sheets))
      }
    }
    switch format {
    case .json: break
    case .csv: return .ok(.init(body: .csv(HTTPBody(made.body))))
    case .xlsx:
      return .ok(
        .init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(HTTPBody(made.body))))
    }
    let document = try JSONDecoder().decode(OpenAPIValueContainer.self, from: Data(made.body))
    return .ok(
      .init(
        body: .json(
          Components.Schemas.Report(
            kind: input.path.kind, month: month.description, asOf: made.asOf, project: project,
            document: document))))
  }
}

/// How a report is sent: JSON unless the client prefers CSV or an Excel workbook.
enum ReportFormat {
  case json, csv, xlsx

  /// The first of JSON, CSV and .xlsx in `accept`, by quality; JSON when none is named.
  static func preferred(_ accept: [AcceptHeaderContentType<Operations.MonthReport.AcceptableContentType>])
    -> ReportFormat
  {
    let ranked = accept.enumerated().sorted {
      ($0.element.quality.doubleValue, -$0.offset) > ($1.element.quality.doubleValue, -$1.offset)
    }
    for entry in ranked {
      switch entry.element.contentType {
      case .json: return .json
      case .csv: return .csv
      case .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet: return .xlsx
      case .other, .applicationProblemJson: continue
      }
    }
    return .json
  }

  /// `document` as JSON, as `visitctl report --json` prints it.
  static func json(_ document: any Encodable) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    return Array(try encoder.encode(document))
  }
}
