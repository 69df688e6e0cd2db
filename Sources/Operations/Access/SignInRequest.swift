import Foundation
import Planner
import Store
import Synchronization

/// A person asking for a new sign-in link by their id (the web app's 重新获取登录链接): the link goes to that
/// person's own channel only, at most `limit` links an hour, and the asker learns nothing about whether the id
/// exists.
public struct SignInRequest: Sendable {
  /// What became of a request; the page shows the same text for each, only the log tells them apart.
  public enum Outcome: Sendable, Equatable {
    /// A link was queued for the person under this outbox key.
    case sent(key: String, principal: Principal)
    /// No person of that id in stewards.csv, or one without a WeCom, DingTalk, Feishu or mail id.
    case unknown
    /// The person had `limit` links within the last hour already.
    case limited(principal: Principal)
  }

  /// How many links one person may have within an hour, counting every link issued for them (by
  /// `visitctl token link` too).
  public static let limit = 3
  /// The longest id taken; anything longer is no id.
  public static let maxIDLength = 64

  /// Issues and enqueues the links.
  public let delivery: SignInDelivery

  /// Requests served through `delivery`.
  public init(delivery: SignInDelivery) { self.delivery = delivery }

  /// Requests in one process are taken one at a time, so that two at once cannot both pass the hourly count.
  private static let serial = Mutex(())

  /// Sends a new link to the person whose stewards.csv id is `id`, unless the id is unknown, has no channel of
  /// its own, or had `limit` links in the hour before `clock`.
  public func request(id: String, store: any FactStore & AccessStore & OutboxStore, clock: Date) throws
    -> Outcome
  {
    let id = id.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !id.isEmpty, id.utf8.count <= Self.maxIDLength else { return .unknown }
    let found = try store.read { reader -> (person: Steward?, led: String?, visits: Bool) in
      guard let person = try reader.steward(id), person.hasOwnChannel else { return (nil, nil, false) }
      let led = try reader.facts(households: []).projects.values.filter { $0.lead == id }.map(\.id).min()
      return (person, led, led == nil ? true : !(try reader.tasks(assignee: id, month: nil)).isEmpty)
    }
    guard found.person != nil else { return .unknown }
    // Decision: one link per request. A person with visits of their own gets a steward's link (今日 is the daily
    // tool, and in small projects the lead covers an area too); one who only leads gets their project's pages,
    // the first project by id when they lead several.
    let principal: Principal =
      found.visits ? .steward(id) : found.led.map { .lead(project: $0) } ?? .steward(id)
    return try Self.serial.withLock { _ in
      let since = clock.addingTimeInterval(-3600)
      let recent = try store.tokens().filter {
        $0.kind == .signInLink && $0.principal == principal && $0.issued > since
      }
      guard recent.count < Self.limit else { return .limited(principal: principal) }
      let (key, _) = try delivery.send(to: principal, store: store, clock: clock)
      return .sent(key: key, principal: principal)
    }
  }
}

extension Steward {
  /// Whether a message can reach this person alone: a WeCom, DingTalk, Feishu or mail id.
  fileprivate var hasOwnChannel: Bool {
    [wecomUserID, dingtalkUserID, feishuUserID, email].contains { !($0 ?? "").isEmpty }
  }
}
