import CalendarSpec
import Foundation

extension TaskSource {
  /// One task per campaign of this rule that covers the household, window [from, to].
  ///
  /// Decision: a household is covered when it exists and matches the selector on the campaign's first day
  /// (or at the clock, when the campaign starts later and is already announced).
  func campaignTasks(_ campaigns: [Campaign], into drafts: inout [TaskDraft]) {
    for campaign in campaigns
    where campaign.rule == rule.id && campaign.covers(project: project, building: building) {
      let reference = min(clock, zone.start(ofDay: campaign.from.dayNumber))
      guard planner.known.household.state(at: reference) != nil, timeline.matches(at: reference),
        inHorizon(opens: campaign.from, last: campaign.to)
      else { continue }
      drafts.append(
        draft(
          anchor: .campaign(campaign.id), ordinal: 1, opens: campaign.from, due: campaign.to,
          month: YearMonth(campaign.from), split: false))
    }
  }
}
