import Policy

/// A rule with its position in precedence order, shared by reference so that planning never copies it.
final class RuleEntry: Sendable {
  /// The rule.
  let rule: Rule
  /// Its position in the rule set's precedence order.
  let index: Int
  /// Whether its quota is split over the period's months.
  let splitsMonthly: Bool
  /// Its selector as bit masks.
  let selector: CompiledSelector
  /// Whether its tasks are opened by closed tickets.
  let followsTickets: Bool
  /// Whether its tasks come from campaigns.
  let followsCampaigns: Bool

  /// The entry of `rule` at `index`.
  init(_ rule: Rule, index: Int) {
    self.rule = rule
    self.index = index
    splitsMonthly = rule.split == .monthly
    selector = CompiledSelector(rule.selector)
    switch rule.trigger {
    case .event(let trigger):
      followsTickets = trigger.after.contains(.ticketClosed)
      followsCampaigns = false
    case .campaign:
      followsTickets = false
      followsCampaigns = true
    case .quota:
      followsTickets = false
      followsCampaigns = false
    }
  }
}
