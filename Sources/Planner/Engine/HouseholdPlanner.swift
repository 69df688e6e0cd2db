import CalendarSpec
import Foundation
import Policy

/// Builds one household's tasks: what each rule owes it, settled by its visits and waivers, at the clock.
final class HouseholdPlanner {
  let context: PlanContext
  let zone: ZoneDays
  let known: KnownHousehold
  let campaigns: [Campaign]
  let reasons: CancellationReasons
  let rules: [RuleEntry]

  /// A planner of one known household; `reasons` and `rules` (in precedence order) are shared by the households
  /// of one planning run.
  init(
    context: PlanContext, zone: ZoneDays, known: KnownHousehold, campaigns: [Campaign],
    reasons: CancellationReasons, rules: [RuleEntry]
  ) {
    self.rules = rules
    self.context = context
    self.zone = zone
    self.known = known
    self.campaigns = campaigns
    self.reasons = reasons
  }

  /// The household's tasks in rule precedence order, months of split tasks still provisional.
  func drafts() -> [TaskDraft] {
    var drafts: [TaskDraft] = []
    for entry in rules where mayOwe(entry) {
      guard let timeline = MatchTimeline(selector: entry.selector, household: known) else { continue }
      let source = TaskSource(planner: self, entry: entry, timeline: timeline)
      switch entry.rule.trigger {
      case .quota(let quota): source.quotaTasks(quota, into: &drafts)
      case .event(let trigger): source.eventTasks(trigger, into: &drafts)
      case .campaign: source.campaignTasks(campaigns, into: &drafts)
      }
    }
    Settler(context: context, zone: zone, known: known, reasons: reasons).settle(&drafts)
    return drafts
  }

  /// Whether `entry` can owe the household anything, judged without building its match timeline.
  private func mayOwe(_ entry: RuleEntry) -> Bool {
    entry.selector.mayMatch(stateBits: known.stateBits, gradeBits: known.gradeBits)
      && !(entry.followsTickets && known.closedTickets.isEmpty)
      && !(entry.followsCampaigns && campaigns.isEmpty)
  }
}
