import Foundation
import Messages
import Planner
import Policy
import Store

/// Sends a person a one-time sign-in link through their own channel: issues the link and puts a personal
/// message in the outbox, which goes to that person only (never a group robot, never a shared mailbox).
public struct SignInDelivery: Sendable {
  /// Where phones reach the web app (`https://visit.example.com`).
  public let baseURL: String
  /// The zone the link's expiry is written in.
  public let zone: TimeZone

  /// Links under `baseURL`, expiry written in `zone`.
  public init(baseURL: String, zone: TimeZone) {
    self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    self.zone = zone
  }

  /// Issues a link for `principal` (a steward, or a project's lead) and enqueues it for that person; the
  /// outbox key, and the link's token record. Throws when the principal has no person in stewards.csv.
  public func send(
    to principal: Principal, store: any FactStore & AccessStore & OutboxStore, clock: Date
  ) throws -> (key: String, record: TokenRecord) {
    let person = try self.person(principal, store: store)
    let (secret, record) = try WebSignIn.issueLink(for: principal, store: store, clock: clock)
    let notice = SignInLinkNotice(
      name: person.name, link: baseURL + "/app/signin/" + secret,
      expires: InstantText.minute(record.expires ?? clock, in: zone))
    let message = OutboxMessage(
      audience: principal.audience, project: principal.project, content: .signInLink(notice), urgent: true,
      recipient: Recipient(person), personal: true)
    let key = "signin:\(record.id)"
    _ = try store.enqueue([try message.entry(key: key, notBefore: clock)])
    return (key, record)
  }

  /// The stewards.csv row the link goes to: the steward, or the lead of the project.
  private func person(_ principal: Principal, store: any FactStore) throws -> Steward {
    let id: String
    switch principal {
    case .steward(let steward): id = steward
    case .lead(let project):
      guard let lead = try store.read({ try $0.facts(households: []) }).projects[project]?.lead, !lead.isEmpty
      else { throw OperationError("project '\(project)' has no lead in projects.csv to send the link to") }
      id = lead
    default:
      throw OperationError(
        "\(principal) has no row in stewards.csv to send a link to; print the link and hand it over yourself")
    }
    guard let steward = try store.read({ try $0.steward(id) }) else {
      throw OperationError(
        "'\(id)' is not in stewards.csv; import it with its wecom, dingtalk, feishu or email")
    }
    return steward
  }
}

extension Principal {
  /// The audience whose route a message for this principal takes.
  fileprivate var audience: Audience {
    switch self {
    case .lead: .projectLead
    case .operations: .operations
    case .admin: .admin
    default: .steward
    }
  }

  /// The project a lead's message concerns, for project routes.
  fileprivate var project: String? {
    if case .lead(let project) = self { return project }
    return nil
  }
}
