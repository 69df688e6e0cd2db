import CalendarSpec
import Foundation
import Operations
import Planner
import Policy

/// The verification sample (抽样验证): the visits operations calls back.
enum SampleTables {
  static func build(_ request: ReportRequest) -> ReportOutput {
    let current = request.current
    let size =
      request.threshold { if case .verificationSample(let value) = $0 { value } else { nil } }
      ?? Sample(perProject: 10)
    var table = TextTable(
      "Verification sample \(request.month), \(size.perProject) per project (reproducible)",
      headers: [
        "project", "visit", "household", "owner", "phone", "at", "channel", "kind", "steward", "interviewee",
      ])
    var documents: [SampleDocument] = []
    for project in request.projects {
      let sample = VerificationSample(
        project: project, month: request.month, facts: current.facts, rules: current.rules, size: size,
        until: current.plan.clock)
      let zone = current.zone(ofProject: project)
      let visits = sample.visits.map { SampledVisit($0, request: request, zone: zone) }
      for visit in visits {
        table.append([
          project, visit.visit, visit.household, visit.owner, visit.phone, visit.at, visit.channel,
          visit.kind,
          visit.steward, visit.interviewee,
        ])
      }
      documents.append(SampleDocument(project: project, month: request.month, visits: visits))
    }
    return ReportOutput(tables: [table], document: documents)
  }
}

/// One project's sample as `--json` prints it.
private struct SampleDocument: Encodable {
  let project: String
  let month: YearMonth
  let visits: [SampledVisit]
}

/// A sampled visit with the owner to call back, masked unless `--show-contact`.
private struct SampledVisit: Encodable {
  let visit: String
  let household: String
  let owner: String
  let phone: String
  let at: String
  let channel: String
  let kind: String
  let steward: String
  let interviewee: String

  init(_ visit: Visit, request: ReportRequest, zone: TimeZone) {
    let household = request.current.facts.households[visit.household]
    self.visit = visit.id
    self.household = visit.household
    owner = household.map { request.contacts.name($0.owner) } ?? ""
    phone = household.map { request.contacts.phone($0.owner) } ?? ""
    at = InstantText.minute(visit.at, in: zone)
    channel = visit.channel.rawValue
    kind = visit.kind.rawValue
    steward = visit.steward
    interviewee = visit.interviewee.rawValue
  }
}
