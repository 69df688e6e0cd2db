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
  /// The rule's id, which every task of the rule holds.
  let id: String
  /// The periods of a quota rule that overlap the horizon; empty for other rules.
  let quotaPeriods: [PeriodKey]

  /// The entry of `rule` at `index`; a quota rule's periods are those of its kind in `periods`.
  convenience init(_ rule: Rule, index: Int, periods: [Period: [PeriodKey]]) {
    let quotaPeriods: [PeriodKey]
    if case .quota(let quota) = rule.trigger {
      quotaPeriods = periods[quota.each] ?? []
    } else {
      quotaPeriods = []
    }
    self.init(rule, index: index, quotaPeriods: quotaPeriods, id: rule.id)
  }

  /// A copy of `entry` whose id is a string of its own.
  ///
  /// Planning threads each work on copies: a reference count shared by threads that all retain it millions of
  /// times (every task holds its rule's id) bounces between their caches.
  convenience init(privateCopyOf entry: RuleEntry) {
    self.init(
      entry.rule, index: entry.index, quotaPeriods: entry.quotaPeriods,
      id: String(decoding: Array(entry.id.utf8), as: UTF8.self))
  }

  private init(_ rule: Rule, index: Int, quotaPeriods: [PeriodKey], id: String) {
    self.rule = rule
    self.id = id
    self.quotaPeriods = quotaPeriods
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
