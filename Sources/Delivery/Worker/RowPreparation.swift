import Foundation
import Messages
import Store

/// A claimed row, rendered and routed, about to be sent.
struct PreparedSend: Sendable {
  let claimed: ClaimedRow
  let message: RenderedMessage
  let channel: any DeliveryChannel

  var id: Int64 { claimed.row.id }
}

/// A claimed row made ready to send, or settled without sending.
enum RowPreparation: Sendable {
  /// Send it.
  case send(PreparedSend)
  /// Settle the row without a request (deferred, or dead because it cannot be rendered or routed).
  case settle(Int64, OutboxResult)
}

/// Holds back what may not leave now: quiet hours, the Feishu half hours, the rate budgets.
struct SendGate: Sendable {
  let config: DeliveryConfig
  private var budgets: [String: RateBudget] = [:]
  private var shadows: [String: RateBudget] = [:]

  init(config: DeliveryConfig) {
    self.config = config
    for (name, receiver) in config.receivers { budgets[name] = receiver.budget }
  }

  /// Forgets the slots booked for rows held back in an earlier batch.
  mutating func startBatch() { shadows = [:] }

  /// nil when the message may leave through `receiver` at `now` (taking a token), else when to try again.
  mutating func hold(receiver: String, urgent: Bool, at now: Date) -> Date? {
    if !urgent, let quiet = config.quietHours?.nextAllowed(after: now), quiet > now { return quiet }
    guard config.rateLimits else { return nil }
    if case .feishu = config.receivers[receiver]?.kind {
      let clear = HalfHourGuard(zone: config.zone).nextAllowed(after: now)
      if clear > now { return clear }
    }
    guard var budget = budgets[receiver] else { return nil }
    defer { budgets[receiver] = budget }
    guard budget.reserve(at: now) != nil else { return nil }
    // Over budget: book successive future slots on a copy, so held-back rows come back spread out.
    var shadow = shadows[receiver] ?? budget
    defer { shadows[receiver] = shadow }
    return shadow.book(after: now)
  }
}
